"""Scheduled digests: slots from the schedule, the delivery ledger, and the paced dispatcher."""

from bot.delivery.dispatcher import Dispatcher, DispatchStats, RetryPolicy
from bot.delivery.pacing import Pacer
from bot.delivery.schedule import Slot, parse_schedule, slot_for_fire_time, slots_between
from bot.delivery.scheduler import DigestScheduler, RecordReport
from bot.delivery.sender import (
    DeliveryError,
    PermanentDeliveryError,
    RateLimitedError,
    Sender,
    TransientDeliveryError,
)

__all__ = [
    "DeliveryError",
    "DigestScheduler",
    "DispatchStats",
    "Dispatcher",
    "Pacer",
    "PermanentDeliveryError",
    "RateLimitedError",
    "RecordReport",
    "RetryPolicy",
    "Sender",
    "Slot",
    "TransientDeliveryError",
    "parse_schedule",
    "slot_for_fire_time",
    "slots_between",
]
