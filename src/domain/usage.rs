//! Consumed, purchased and what remains, for one entitlement or a sum.

/// Consumption against a cap. `purchased: None` means as needed (no cap).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Usage {
    pub consumed: f64,
    pub purchased: Option<f64>,
}

impl Usage {
    pub fn new(consumed: f64, purchased: Option<f64>) -> Self {
        Self {
            consumed,
            purchased,
        }
    }

    /// What is left, never negative; `None` when as needed.
    pub fn remaining(&self) -> Option<f64> {
        self.purchased.map(|p| round2((p - self.consumed).max(0.0)))
    }

    /// By how much consumption exceeds the cap, when it does.
    pub fn over(&self) -> Option<f64> {
        match self.purchased {
            Some(p) if self.consumed > p => Some(round2(self.consumed - p)).filter(|o| *o > 0.0),
            _ => None,
        }
    }

    /// The progress bar's value: consumed, at most purchased (`None` when
    /// there is no cap, or a cap that is not a number of 0 or more, and so
    /// no bar).
    pub fn bar_now(&self) -> Option<f64> {
        let p = self.purchased.filter(|p| p.is_finite() && *p >= 0.0)?;
        let c = if self.consumed.is_finite() {
            self.consumed
        } else {
            0.0
        };
        Some(c.min(p).max(0.0))
    }

    /// Share consumed, 0..=100, for the bar's width.
    pub fn percent(&self) -> Option<f64> {
        let now = self.bar_now()?;
        let p = self.purchased?;
        Some(if p <= 0.0 {
            100.0
        } else {
            (now / p * 100.0).clamp(0.0, 100.0)
        })
    }

    /// Adds another part; one uncapped part makes the sum uncapped.
    pub fn plus(self, other: Usage) -> Usage {
        Usage {
            consumed: round2(self.consumed + other.consumed),
            purchased: match (self.purchased, other.purchased) {
                (Some(a), Some(b)) => Some(round2(a + b)),
                _ => None,
            },
        }
    }
}

/// Rounds to two decimals, so that sums of fractional hours read cleanly
/// (0.1 + 0.2 shows as 0.3).
pub fn round2(x: f64) -> f64 {
    let scaled = x * 100.0;
    if scaled.is_finite() {
        scaled.round() / 100.0
    } else {
        x
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        // consumed, purchased, remaining, over, bar
        type Row = (f64, Option<f64>, Option<f64>, Option<f64>, Option<f64>);
        let rows: [Row; 5] = [
            (10.0, Some(40.0), Some(30.0), None, Some(10.0)),
            (46.0, Some(40.0), Some(0.0), Some(6.0), Some(40.0)),
            (40.0, Some(40.0), Some(0.0), None, Some(40.0)),
            (12.5, None, None, None, None),
            (0.0, Some(0.0), Some(0.0), None, Some(0.0)),
        ];
        for (c, p, rem, over, bar) in rows {
            let u = Usage::new(c, p);
            assert_eq!(
                (u.remaining(), u.over(), u.bar_now()),
                (rem, over, bar),
                "{c} of {p:?}"
            );
        }
    }

    #[test]
    fn no_bar_and_no_tiny_over_for_odd_numbers() {
        assert_eq!(
            Usage::new(10.004, Some(10.0)).over(),
            None,
            "rounds to 0 over"
        );
        assert_eq!(Usage::new(1.0, Some(-5.0)).bar_now(), None);
        assert_eq!(Usage::new(1.0, Some(f64::NAN)).bar_now(), None);
        assert_eq!(round2(1e307), 1e307);
    }

    #[test]
    fn sums_stay_uncapped_and_exact() {
        let s = Usage::new(0.1, Some(1.0)).plus(Usage::new(0.2, Some(2.0)));
        assert_eq!(s, Usage::new(0.3, Some(3.0)));
        assert_eq!(s.plus(Usage::new(1.0, None)).purchased, None);
    }
}
