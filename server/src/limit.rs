//! Rate limits: a token bucket per connection, per room and per address.

use std::time::Instant;

/// Holds up to `burst` tokens and gains `per_second` of them each second; a step takes one.
#[derive(Clone, Debug)]
pub struct Bucket {
    tokens: f64,
    burst: f64,
    per_second: f64,
    last: Instant,
}

impl Bucket {
    /// A full bucket.
    pub fn new(per_second: f64, burst: f64) -> Bucket {
        Bucket { tokens: burst, burst, per_second, last: Instant::now() }
    }

    /// Takes a token if there is one.
    pub fn take(&mut self) -> bool {
        let now = Instant::now();
        let gained = now.duration_since(self.last).as_secs_f64() * self.per_second;
        self.tokens = (self.tokens + gained).min(self.burst);
        self.last = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }

    /// Whether it has been full again for a while (so a table of buckets can forget it).
    pub fn is_idle(&self) -> bool {
        self.tokens + self.last.elapsed().as_secs_f64() * self.per_second >= self.burst
    }
}
