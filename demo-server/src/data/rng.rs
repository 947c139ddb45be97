//! A seeded linear congruential generator: the dataset is the same on every
//! run for the same "today".

#[derive(Debug, Clone)]
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Lcg {
        let mut l = Lcg(seed ^ 0x9E37_79B9_7F4A_7C15);
        l.next();
        l
    }

    /// Seeded by a string (an entitlement id), so each list is stable on its own.
    pub fn seeded(s: &str) -> Lcg {
        let h = s.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        });
        Lcg::new(h)
    }

    pub fn next(&mut self) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as u32
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + i64::from(self.next()) % (hi - lo + 1)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.next() as usize % items.len()]
    }
}

/// Splits `total` units of `step` into `n` parts, each at least one step
/// while there are enough steps (else the last parts are 0). Exact: the parts
/// add up to `total` (rounded down to whole steps).
pub fn split(total: i64, step: i64, n: usize, rng: &mut Lcg) -> Vec<i64> {
    let steps = total / step;
    let n64 = n as i64;
    if steps <= n64 {
        return (0..n64).map(|i| if i < steps { step } else { 0 }).collect();
    }
    let weights: Vec<i64> = (0..n).map(|_| rng.range(1, 100)).collect();
    let w: i64 = weights.iter().sum();
    let spare = steps - n64;
    let mut parts: Vec<i64> = weights.iter().map(|wi| 1 + spare * wi / w).collect();
    let mut left = steps - parts.iter().sum::<i64>();
    let mut i = 0;
    while left > 0 {
        parts[i % n] += 1;
        left -= 1;
        i += 1;
    }
    parts.into_iter().map(|p| p * step).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_is_exact() {
        let mut r = Lcg::new(7);
        for (total, step, n) in [
            (12650, 25, 32),
            (400, 100, 5),
            (300, 100, 5),
            (1000, 50, 7),
            (0, 100, 5),
        ] {
            let parts = split(total, step, n, &mut r);
            assert_eq!(parts.len(), n);
            assert_eq!(parts.iter().sum::<i64>(), total);
            assert!(parts.iter().all(|p| p % step == 0 && *p >= 0));
        }
    }
}
