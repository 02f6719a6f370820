"""Back Relief: an Alexa skill that guides self-care for back spasms."""

from .deferred import defer_services_package

# Before any module of the package imports the SDK (see deferred.py: ~25 ms of a cold start).
defer_services_package()
