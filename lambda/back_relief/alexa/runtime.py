"""The skill object: ask-sdk's own request pipeline, without importing every Alexa service.

ask_sdk_core's CustomSkill and its builder import `ask_sdk_model.services.ServiceClientFactory`,
which imports the client and models of every Alexa service (what that costs a cold start:
`back_relief/deferred.py`, which keeps the package's `__init__` from importing it too), for the
two services this skill calls, Timers and Reminders. `Skill` runs the SDK's dispatcher
(ask_sdk_runtime) the way CustomSkill.invoke does, with a factory that makes only the service
client a handler asks for.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ask_sdk_core.__version__ import __version__ as SDK_VERSION
from ask_sdk_core.attributes_manager import AttributesManager
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_core.utils import RESPONSE_FORMAT_VERSION, user_agent_info
from ask_sdk_model import ResponseEnvelope
from ask_sdk_model.services.api_configuration import ApiConfiguration
from ask_sdk_runtime.dispatch import GenericRequestDispatcher
from ask_sdk_runtime.exceptions import AskSdkException
from ask_sdk_runtime.skill import RuntimeConfigurationBuilder
from ask_sdk_runtime.utils import UserAgentManager

if TYPE_CHECKING:
    from ask_sdk_core.dispatch_components import (
        AbstractExceptionHandler,
        AbstractRequestHandler,
        AbstractRequestInterceptor,
        AbstractResponseInterceptor,
    )
    from ask_sdk_model import RequestEnvelope
    from ask_sdk_model.services import ApiClient
    from ask_sdk_model.services.reminder_management import ReminderManagementServiceClient
    from ask_sdk_model.services.timer_management import TimerManagementServiceClient


@dataclass(frozen=True)
class ServiceClients:
    """What handlers reach as `handler_input.service_client_factory`: the SDK's clients for
    the services this skill calls, each made when asked for, as the SDK's factory makes them."""

    api_configuration: ApiConfiguration

    def get_timer_management_service(self) -> TimerManagementServiceClient:
        from ask_sdk_model.services.timer_management import TimerManagementServiceClient

        return TimerManagementServiceClient(api_configuration=self.api_configuration)

    def get_reminder_management_service(self) -> ReminderManagementServiceClient:
        from ask_sdk_model.services.reminder_management import ReminderManagementServiceClient

        return ReminderManagementServiceClient(api_configuration=self.api_configuration)


class Skill:
    """Handlers, interceptors and exception handlers in order, over the SDK's dispatcher."""

    def __init__(
        self,
        handlers: list[AbstractRequestHandler],
        exception_handlers: list[AbstractExceptionHandler],
        request_interceptors: list[AbstractRequestInterceptor],
        response_interceptors: list[AbstractResponseInterceptor],
        api_client: ApiClient | None,
        serializer: DefaultSerializer,
        skill_id: str | None = None,
    ) -> None:
        config = RuntimeConfigurationBuilder()
        for handler in handlers:
            config.add_request_handler(handler)
        for exception_handler in exception_handlers:
            config.add_exception_handler(exception_handler)
        for request_interceptor in request_interceptors:
            config.add_global_request_interceptor(request_interceptor)
        for response_interceptor in response_interceptors:
            config.add_global_response_interceptor(response_interceptor)
        self.request_dispatcher = GenericRequestDispatcher(
            options=config.get_runtime_configuration()
        )
        self.api_client = api_client
        self.serializer = serializer
        self.skill_id = skill_id
        UserAgentManager.register_component(user_agent_info(sdk_version=SDK_VERSION))

    def invoke(self, request_envelope: RequestEnvelope, context: Any) -> ResponseEnvelope:
        """CustomSkill.invoke's steps: the skill id check, the service clients, one dispatch,
        and the envelope with the session's attributes."""
        # Read as CustomSkill reads them: a missing field raises AttributeError, which
        # lambda_handler answers calmly (it has already checked that System is there).
        system = request_envelope.context.system  # type: ignore[union-attr]
        if self.skill_id is not None and system.application.application_id != self.skill_id:  # type: ignore[union-attr]
            raise AskSdkException("Skill ID Verification failed!!")
        clients = None
        if self.api_client is not None:
            clients = ServiceClients(
                ApiConfiguration(
                    serializer=self.serializer,
                    api_client=self.api_client,
                    # None passed on, as the SDK does: a call without a token then fails in
                    # the process, before anything is sent.
                    authorization_value=system.api_access_token,  # type: ignore[union-attr,arg-type]
                    api_endpoint=system.api_endpoint,  # type: ignore[union-attr,arg-type]
                )
            )
        handler_input = HandlerInput(
            request_envelope=request_envelope,
            attributes_manager=AttributesManager(request_envelope=request_envelope),
            context=context,
            # Duck-typed: the factory's two methods handlers call (services.py), not its class.
            service_client_factory=clients,  # type: ignore[arg-type]
        )
        response = self.request_dispatcher.dispatch(handler_input=handler_input)
        attributes = None
        if request_envelope.session is not None:
            attributes = handler_input.attributes_manager.session_attributes
        return ResponseEnvelope(
            response=response,
            version=RESPONSE_FORMAT_VERSION,
            session_attributes=attributes,
            user_agent=UserAgentManager.get_user_agent(),
        )
