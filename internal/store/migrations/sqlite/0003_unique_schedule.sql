-- A channel has at most one subscription per schedule and time zone, so a
-- replayed or double-submitted subscribe request changes nothing. Copies
-- made before this rule are dropped, keeping the oldest.
DELETE FROM subscriptions WHERE EXISTS (
    SELECT 1 FROM subscriptions o
    WHERE o.platform = subscriptions.platform AND o.channel = subscriptions.channel
      AND o.schedule = subscriptions.schedule AND o.timezone = subscriptions.timezone
      AND (o.created_at < subscriptions.created_at
           OR (o.created_at = subscriptions.created_at AND o.id < subscriptions.id))
);
CREATE UNIQUE INDEX subscriptions_same_schedule ON subscriptions (platform, channel, schedule, timezone);
