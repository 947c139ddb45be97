//! `--bench`: 100,000 support requests behind one entitlement, generated
//! once on first use, kept with their pre-serialised JSON.

use super::contracts::WS_CONTOSO;
use super::people::{user_name, PATTERNS, PRODUCTS};
use super::rng::Lcg;
use super::{activity_json, Rec, BENCH_ENTITLEMENT};
use crate::date::Day;
use bytes::Bytes;
use ca_contract::{ActivityRecord, CaseStatus, Severity, SupportRequest};

pub const BENCH_ROWS: usize = 100_000;

pub struct Bench {
    pub records: Vec<Rec>,
    /// The whole `EntitlementActivity` document, as served to a user who
    /// sees every record.
    pub json: Bytes,
}

const SYMPTOMS: &[&str] = &[
    "intermittent timeouts",
    "high CPU after update",
    "authentication failures",
    "data not syncing",
    "slow performance",
    "service unavailable errors",
    "unexpected restarts",
    "licensing error",
    "configuration drift",
    "errore di connessione",
    "memory leak",
    "certificate expired",
];

const PLACES: &[&str] = &[
    "Milano", "Roma", "Torino", "Napoli", "Bologna", "Seattle", "London", "Dublin", "Firenze",
    "Verona",
];

pub fn generate(today: Day) -> Bench {
    let mut rng = Lcg::new(100_000);
    let span = 3 * 365;
    let mut records = Vec::with_capacity(BENCH_ROWS);
    for i in 0..BENCH_ROWS {
        let day = today.plus(-1 - (i as i64 * span / BENCH_ROWS as i64) - rng.range(0, 1));
        let product = *rng.pick(PRODUCTS);
        let title = format!(
            "{product}: {} ({} #{})",
            rng.pick(SYMPTOMS),
            rng.pick(PLACES),
            rng.range(1, 999)
        );
        let access = PATTERNS[rng.range(0, PATTERNS.len() as i64 - 1) as usize];
        let open = day.0 >= today.0 - 14 || rng.range(0, 50) == 0;
        let mut cents = rng.range(10, 1600);
        if cents % 100 == 0 {
            cents += 25;
        }
        let severity = match rng.range(0, 19) {
            0 => Some(Severity::Critical),
            1..=4 => Some(Severity::A),
            5..=12 => Some(Severity::B),
            13..=18 => Some(Severity::C),
            _ => None,
        };
        let r = SupportRequest {
            id: format!("bench-{:06}", i + 1),
            case_number: format!("{}{:010}", day.case_prefix(), 60_000_000 + i),
            title,
            severity,
            status: if open {
                CaseStatus::Open
            } else {
                CaseStatus::Closed
            },
            created_at: day.at(rng.range(0, 22) as u32, rng.range(0, 59) as u32),
            closed_at: (!open).then(|| {
                day.plus(rng.range(0, 20))
                    .min(today.plus(-1))
                    .max(day)
                    .at(23, 30)
            }),
            primary_contact: Some(user_name(access.primary_contact).into()),
            product: Some(product.into()),
            workspace_id: Some(WS_CONTOSO.into()),
            url: None,
            quantity: cents as f64 / 100.0,
        };
        records.push(Rec {
            record: ActivityRecord::SupportRequest(r),
            access: Some(access),
        });
    }
    let json = activity_json(BENCH_ENTITLEMENT, records.iter().map(|r| &r.record));
    Bench { records, json }
}
