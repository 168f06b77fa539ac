"""Briefbot's storage: one SQLite database (WAL, synchronous=FULL) migrated on open; small repositories."""

from bot.storage.database import Database, StorageError
from bot.storage.ledger import (
    Delivery,
    DeliveryLedger,
    DeliveryState,
    FailureOutcome,
    SlotRecord,
    make_nonce,
)
from bot.storage.subscriptions import Source, Subscription, SubscriptionRepository

__all__ = [
    "Database",
    "Delivery",
    "DeliveryLedger",
    "DeliveryState",
    "FailureOutcome",
    "SlotRecord",
    "Source",
    "StorageError",
    "Subscription",
    "SubscriptionRepository",
    "make_nonce",
]
