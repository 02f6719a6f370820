"""A naive persistent skill, set up the way the official ask-sdk persistence samples are.

A boto3 resource and the DynamoDbAdapter are built at import, and every launch reads and
writes the user's persistent attributes through the adapter. The benchmark points boto3 at a
local dynalite with AWS_ENDPOINT_URL_DYNAMODB, so this code is unchanged from the samples.
"""

from __future__ import annotations

import logging
import os

import ask_sdk_core.utils as ask_utils
import boto3
from ask_sdk_core.dispatch_components import AbstractExceptionHandler, AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.skill_builder import CustomSkillBuilder
from ask_sdk_dynamodb.adapter import DynamoDbAdapter
from ask_sdk_model import Response

logger = logging.getLogger(__name__)
logger.setLevel(logging.INFO)

ddb_region = os.environ.get("DYNAMODB_PERSISTENCE_REGION")
ddb_table_name = os.environ.get("DYNAMODB_PERSISTENCE_TABLE_NAME", "")
ddb_resource = boto3.resource("dynamodb", region_name=ddb_region)
dynamodb_adapter = DynamoDbAdapter(
    table_name=ddb_table_name, create_table=False, dynamodb_resource=ddb_resource
)


class LaunchRequestHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(ask_utils.is_request_type("LaunchRequest")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        attributes_manager = handler_input.attributes_manager
        attributes = attributes_manager.persistent_attributes
        visits = int(str(attributes.get("visits", 0))) + 1
        attributes_manager.persistent_attributes = {**attributes, "visits": visits}
        attributes_manager.save_persistent_attributes()
        speak_output = f"Welcome back. This is visit number {visits}."
        return handler_input.response_builder.speak(speak_output).ask(speak_output).response


class CatchAllExceptionHandler(AbstractExceptionHandler):
    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        return True

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        logger.error(exception, exc_info=True)
        speak_output = "Sorry, I had trouble doing what you asked. Please try again."
        return handler_input.response_builder.speak(speak_output).ask(speak_output).response


sb = CustomSkillBuilder(persistence_adapter=dynamodb_adapter)
sb.add_request_handler(LaunchRequestHandler())
sb.add_exception_handler(CatchAllExceptionHandler())

lambda_handler = sb.lambda_handler()
