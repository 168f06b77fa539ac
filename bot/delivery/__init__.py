"""Scheduled digests: slots from the schedule, the delivery ledger, and the paced dispatcher."""
