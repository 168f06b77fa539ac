"""Scheduled digests: slots from the schedule, the delivery ledger's rules, and the paced dispatcher."""
