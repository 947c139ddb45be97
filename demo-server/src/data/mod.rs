//! The embedded dataset: deterministic for a given "today", every date
//! relative to it, so that "expires in N days", "ends today" and the like
//! always hold. Records carry internal access attributes that are never
//! serialised (see `access.rs`).

pub mod bench;
mod cases;
pub mod contracts;
mod entitlements;
pub mod people;
mod records;
mod records_more;
mod rng;
#[cfg(test)]
mod tests;

use crate::date::Day;
use bytes::Bytes;
use ca_contract::{
    ActivityRecord, AdditionalCase, Contract, Entitlement, EntitlementKind, Package, Service, Unit,
    Workspace,
};
pub use people::Access;
use std::collections::HashMap;
use std::sync::OnceLock;

pub const BENCH_ENTITLEMENT: &str = "bench-100k";

/// One row of a drilldown, with who may reach it (support requests only).
#[derive(Debug, Clone)]
pub struct Rec {
    pub record: ActivityRecord,
    pub access: Option<Access>,
}

/// One additional case, with who may reach it.
#[derive(Debug, Clone)]
pub struct Case {
    pub case: AdditionalCase,
    pub access: Access,
}

pub use ca_contract::RecordKind;

/// The record type a service's consumption is tracked by.
pub fn record_kind(service: Service) -> RecordKind {
    RecordKind::for_service(service)
}

/// Integrated Proactive Services: the services whose entitlements carry
/// delivered hours.
pub fn is_proactive(service: Service) -> bool {
    matches!(
        service,
        Service::ProactiveServices
            | Service::ProactiveCredits
            | Service::DesignatedSupportEngineering
            | Service::Workshops
    )
}

/// Rounds to hundredths, so sums print as the quantities they add up
/// (and never as `-0.0`: an empty `f64` sum is negative zero).
pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0 + 0.0
}

/// What a record generator needs to know about its entitlement.
pub struct Ctx<'a> {
    pub ent_id: &'a str,
    pub service: Service,
    pub unit: Unit,
    /// The days the records fall on.
    pub from: Day,
    pub to: Day,
    /// The entitlement has not started yet: records are scheduled ahead.
    pub upcoming: bool,
    pub workspaces: &'a [String],
    pub today: Day,
}

impl Ctx<'_> {
    /// The day of row `i` of `n`, newest first, spread over the window.
    pub fn day(&self, i: usize, n: usize, rng: &mut rng::Lcg) -> Day {
        let span = self.to.0 - self.from.0;
        let n = n.max(1) as i64;
        let k = n - 1 - i as i64;
        let base = if n > 1 { span * k / (n - 1) } else { span };
        let j = span / (3 * n);
        Day(self.from.0 + (base + rng.range(-j, j)).clamp(0, span))
    }
}

pub struct Dataset {
    pub today: Day,
    pub generated_at: String,
    pub workspaces: Vec<Workspace>,
    pub contracts: Vec<Contract>,
    pub packages: Vec<Package>,
    pub entitlements: Vec<Entitlement>,
    records: HashMap<String, Vec<Rec>>,
    pub cases: Vec<Case>,
    bench: Option<OnceLock<bench::Bench>>,
}

fn day_of(s: &str) -> Day {
    Day::parse(s).expect("the dataset writes valid dates")
}

impl Dataset {
    pub fn build(today: Day, with_bench: bool) -> Dataset {
        let contracts = contracts::contracts(today, with_bench);
        let packages = contracts::packages(today);
        let mut records = HashMap::new();
        let mut entitlements = Vec::new();
        for spec in entitlements::specs(with_bench) {
            let contract = contracts
                .iter()
                .find(|c| c.id == spec.contract)
                .expect("spec names a contract");
            let (mut start, mut end) = (day_of(&contract.start_date), day_of(&contract.end_date));
            if let Some(p) = spec.package {
                let p = packages
                    .iter()
                    .find(|x| x.id == p)
                    .expect("spec names a package");
                start = start.max(day_of(&p.start_date));
                end = end.min(day_of(&p.end_date));
            }
            let (from, to) = (start.max(today.plus(-365)), end.min(today.plus(-1)));
            let (from, to, upcoming) = if from <= to {
                (from, to, false)
            } else {
                let s = start.max(today);
                (s, end.min(s.plus(90)), true)
            };
            let ctx = Ctx {
                ent_id: spec.id,
                service: spec.service,
                unit: spec.unit,
                from,
                to,
                upcoming,
                workspaces: &contract.workspace_ids,
                today,
            };
            let mut rng = rng::Lcg::seeded(spec.id);
            let step = match spec.unit {
                Unit::Hours => 25,
                Unit::Credits | Unit::Days => 50,
                _ => 100,
            };
            let cents = (spec.consumed * 100.0).round() as i64;
            let qty: Vec<f64> = rng::split(cents, step, spec.rows, &mut rng)
                .into_iter()
                .map(|c| c as f64 / 100.0)
                .collect();
            let recs = if spec.rows == 0 {
                Vec::new()
            } else {
                match record_kind(spec.service) {
                    RecordKind::SupportRequest => records::support_requests(&ctx, &qty, &mut rng),
                    RecordKind::ProactiveDelivery => {
                        records::proactive_deliveries(&ctx, &qty, &mut rng)
                    }
                    RecordKind::EducationActivity => records_more::education(&ctx, &qty, &mut rng),
                    RecordKind::SupportContact => records_more::contacts(&ctx, &qty, &mut rng),
                    RecordKind::AssessmentSetup => records_more::assessments(&ctx, &qty, &mut rng),
                }
            };
            let consumed = round2(recs.iter().map(|r| r.record.quantity()).sum());
            let delivered = recs
                .iter()
                .filter_map(|r| match &r.record {
                    ActivityRecord::ProactiveDelivery(p) => p.delivered_hours,
                    _ => None,
                })
                .sum::<f64>();
            entitlements.push(Entitlement {
                id: spec.id.to_string(),
                contract_id: spec.contract.to_string(),
                package_id: spec.package.map(str::to_string),
                service: spec.service,
                name: spec.name.to_string(),
                description: spec.description.map(str::to_string),
                kind: if spec.benefit {
                    EntitlementKind::AdditionalBenefit
                } else {
                    EntitlementKind::ConsumptionService
                },
                unit: spec.unit,
                purchased: spec.purchased,
                consumed,
                delivered_hours: (is_proactive(spec.service) && !spec.benefit)
                    .then(|| round2(delivered)),
                action: spec.action.map(|(label, url)| ca_contract::Action {
                    label: label.into(),
                    url: url.into(),
                }),
            });
            records.insert(spec.id.to_string(), recs);
        }
        Dataset {
            today,
            generated_at: today.at(6, 0),
            workspaces: contracts::workspaces(),
            contracts,
            packages,
            entitlements,
            records,
            cases: cases::cases(today),
            bench: with_bench.then(OnceLock::new),
        }
    }

    /// The 100,000 benchmark records, generated on first use.
    pub fn bench(&self) -> Option<&bench::Bench> {
        self.bench
            .as_ref()
            .map(|b| b.get_or_init(|| bench::generate(self.today)))
    }

    /// The records behind an entitlement (empty for an unknown id).
    pub fn records_of(&self, entitlement_id: &str) -> &[Rec] {
        if entitlement_id == BENCH_ENTITLEMENT {
            if let Some(b) = self.bench() {
                return &b.records;
            }
        }
        self.records.get(entitlement_id).map_or(&[], Vec::as_slice)
    }

    pub fn entitlement(&self, id: &str) -> Option<&Entitlement> {
        self.entitlements.iter().find(|e| e.id == id)
    }

    pub fn contract(&self, id: &str) -> Option<&Contract> {
        self.contracts.iter().find(|c| c.id == id)
    }
}

/// Writes an `EntitlementActivity` document without cloning the records.
pub fn activity_json<'a>(
    entitlement_id: &str,
    records: impl Iterator<Item = &'a ActivityRecord>,
) -> Bytes {
    let mut out = Vec::with_capacity(4096);
    out.extend_from_slice(b"{\"entitlementId\":");
    serde_json::to_writer(&mut out, entitlement_id).expect("a string serialises");
    out.extend_from_slice(b",\"records\":[");
    for (i, r) in records.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        serde_json::to_writer(&mut out, r).expect("a record serialises");
    }
    out.extend_from_slice(b"]}");
    Bytes::from(out)
}
