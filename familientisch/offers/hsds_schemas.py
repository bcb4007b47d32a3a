"""The HSDS 3.0 objects as this API sends and documents them (`hsds.py` fills them). Field names
and which fields may be missing follow the HSDS schemas, which tests/test_api_hsds.py checks."""

import uuid

from ninja import Schema


class ApiInfo(Schema):
    version: str
    profile: str
    openapi_url: str


class HsdsPage(Schema):
    total_items: int
    total_pages: int
    page_number: int
    size: int
    first_page: bool
    last_page: bool
    empty: bool


class Phone(Schema):
    id: uuid.UUID
    service_id: uuid.UUID | None = None
    organization_id: uuid.UUID | None = None
    number: str


class ServiceLanguage(Schema):
    id: uuid.UUID
    service_id: uuid.UUID
    name: str
    code: str


class Schedule(Schema):
    id: uuid.UUID
    service_at_location_id: uuid.UUID
    freq: str
    wkst: str
    byday: str
    opens_at: str | None = None
    closes_at: str | None = None
    timezone: float
    description: str | None = None


class Address(Schema):
    id: uuid.UUID
    location_id: uuid.UUID
    address_1: str
    city: str
    state_province: str
    postal_code: str
    country: str
    address_type: str


class Accessibility(Schema):
    id: uuid.UUID
    location_id: uuid.UUID
    description: str


class Location(Schema):
    id: uuid.UUID
    location_type: str
    organization_id: uuid.UUID | None = None
    name: str
    latitude: float | None = None
    longitude: float | None = None
    addresses: list[Address]
    accessibility: list[Accessibility]


class ServiceAtLocation(Schema):
    id: uuid.UUID
    service_id: uuid.UUID
    location_id: uuid.UUID
    location: Location
    schedules: list[Schedule]


class Organization(Schema):
    id: uuid.UUID
    name: str
    description: str
    email: str | None = None
    website: str | None = None
    uri: str
    phones: list[Phone] = []


class Service(Schema):
    id: uuid.UUID
    organization_id: uuid.UUID | None = None
    name: str
    description: str
    url: str
    email: str | None = None
    status: str
    fees_description: str
    minimum_age: int
    maximum_age: int
    assured_date: str | None = None
    assurer_email: str | None = None
    last_modified: str | None = None
    organization: Organization | None = None
    phones: list[Phone]
    languages: list[ServiceLanguage]
    service_at_locations: list[ServiceAtLocation]


class ServicePage(HsdsPage):
    contents: list[Service]


class OrganizationPage(HsdsPage):
    contents: list[Organization]


class ServiceAtLocationPage(HsdsPage):
    contents: list[ServiceAtLocation]
