//! The Redis backend: the same GCRA as the in-process one, as one atomic Lua script per
//! decision, timed by Redis's own clock so every instance agrees. A key holds one number (the
//! theoretical arrival time) and expires when the quota is full again.

use std::{sync::LazyLock, time::Duration};

use redis::Script;

use super::Decision;
use crate::{
    config::Rate,
    services::platform::redis::{Redis, RedisUnavailable},
};

/// KEYS[1]: the key. ARGV[1]: emission interval in µs (period / limit); ARGV[2]: the limit;
/// ARGV[3]: `1` to count the request, `0` only to look.
/// Returns {allowed (0/1), remaining, µs to wait}.
static GCRA: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local emission = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local new_tat = tat + emission
local allow_at = new_tat - emission * limit
if now < allow_at then
  return {0, 0, allow_at - now}
end
if ARGV[3] == '1' then
  redis.call('SET', KEYS[1], string.format('%.0f', new_tat), 'PX', math.max(1, math.ceil((new_tat - now) / 1000)))
end
return {1, math.floor((now - allow_at) / emission), 0}
",
    )
});

/// Decides on `key` (already prefixed) under `rate`.
pub async fn decide(redis: &Redis, key: &str, rate: Rate, count: bool) -> Result<Decision, RedisUnavailable> {
    let emission = (rate.period.as_micros() / u128::from(rate.limit.max(1))).max(1) as u64;
    let (allowed, remaining, wait_us): (i64, i64, i64) = redis
        .invoke(
            GCRA.key(key)
                .arg(emission)
                .arg(rate.limit)
                .arg(if count { 1 } else { 0 }),
        )
        .await?;
    Ok(if allowed == 1 {
        Decision::allowed(u32::try_from(remaining).unwrap_or(0))
    } else {
        Decision::refused(Duration::from_micros(wait_us.max(0) as u64))
    })
}
