//! Timing helpers: interleaved rounds (every variant once per round, in rotating order, so a
//! burst of load from another process hits all of them alike) and medians.

use std::time::{Duration, Instant};

/// One measured variant: its name and its samples.
pub struct Series {
    /// What was measured.
    pub name: String,
    /// One duration per round.
    pub samples: Vec<Duration>,
}

impl Series {
    /// The median sample.
    pub fn median(&self) -> Duration {
        let mut s = self.samples.clone();
        s.sort();
        s[s.len() / 2]
    }

    /// The 25th and 75th percentiles.
    pub fn quartiles(&self) -> (Duration, Duration) {
        let mut s = self.samples.clone();
        s.sort();
        (s[s.len() / 4], s[s.len() * 3 / 4])
    }
}

/// Runs each closure once per round for `rounds` rounds (after `warmup` unrecorded rounds),
/// rotating the order every round.
pub fn interleaved(
    names: &[&str],
    rounds: usize,
    warmup: usize,
    mut run: impl FnMut(usize),
) -> Vec<Series> {
    let mut series: Vec<Series> = names
        .iter()
        .map(|n| Series {
            name: (*n).to_owned(),
            samples: Vec::with_capacity(rounds),
        })
        .collect();
    for round in 0..warmup + rounds {
        for k in 0..names.len() {
            let which = (k + round) % names.len();
            let t = Instant::now();
            run(which);
            let dt = t.elapsed();
            if round >= warmup {
                series[which].samples.push(dt);
            }
        }
    }
    series
}

/// A duration in the unit that reads best.
pub fn fmt(d: Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    if us < 1000.0 {
        format!("{us:.0} µs")
    } else if us < 1e6 {
        format!("{:.2} ms", us / 1000.0)
    } else {
        format!("{:.2} s", us / 1e6)
    }
}
