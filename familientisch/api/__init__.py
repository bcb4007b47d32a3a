"""The JSON API kernel: the API object with its HTTP behaviour and tokens (`service`), and the
parameters and schemas every app shares (`schemas`). A package, not a Django app: no models."""
