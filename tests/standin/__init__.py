"""A local Discord stand-in (REST v10 + gateway) that the real discord.py client connects to.

See README.md in this folder.
"""

from tests.standin.gateway import Handshake, Session
from tests.standin.interactions import Callback, Interaction
from tests.standin.rest import RecordedRequest, Violation, WebhookMessageCall
from tests.standin.server import DiscordStandIn
from tests.standin.world import Application

__all__ = [
    "Application",
    "Callback",
    "DiscordStandIn",
    "Handshake",
    "Interaction",
    "RecordedRequest",
    "Session",
    "Violation",
    "WebhookMessageCall",
]
