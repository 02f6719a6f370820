"""Back Relief: an Alexa skill that guides self-care for back spasms."""
