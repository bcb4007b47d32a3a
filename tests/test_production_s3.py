"""Media on S3-compatible storage: uploads and renditions go to the bucket and come back.

No real object store can run here, so moto's S3 server on loopback stands in for it; the code
under test (django-storages, boto3, Wagtail's images) is the real one."""

import socket
import subprocess
import sys
import time

import pytest
from django.core.files.storage import storages
from wagtail_factories import ImageFactory

boto3 = pytest.importorskip("boto3")
pytest.importorskip("moto.server", reason="moto's S3 server is a dev dependency")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3_server():
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def bucket(s3_server, settings, monkeypatch):
    for name, value in {
        "AWS_ACCESS_KEY_ID": "familientisch",
        "AWS_SECRET_ACCESS_KEY": "geheim",
        "AWS_DEFAULT_REGION": "eu-central-1",
    }.items():
        monkeypatch.setenv(name, value)
    client = boto3.client("s3", endpoint_url=s3_server)
    client.create_bucket(
        Bucket="familientisch-media",
        CreateBucketConfiguration={"LocationConstraint": "eu-central-1"},
    )
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": "familientisch-media",
                "endpoint_url": s3_server,
                "file_overwrite": False,
            },
        },
    }
    yield client
    for item in client.list_objects_v2(Bucket="familientisch-media").get("Contents", []):
        client.delete_object(Bucket="familientisch-media", Key=item["Key"])
    client.delete_bucket(Bucket="familientisch-media")


def test_an_uploaded_image_and_its_rendition_live_in_the_bucket(bucket, db):
    image = ImageFactory(title="Elterncafé")
    rendition = image.get_rendition("fill-40x30")
    stored = {
        item["Key"] for item in bucket.list_objects_v2(Bucket="familientisch-media")["Contents"]
    }
    assert {image.file.name, rendition.file.name} <= stored
    assert (rendition.width, rendition.height) == (40, 30)
    with storages["default"].open(image.file.name) as uploaded:
        assert uploaded.read()[:3] == b"\xff\xd8\xff"  # the JPEG the factory made
    assert rendition.url.startswith(f"{bucket.meta.endpoint_url}/familientisch-media/")
