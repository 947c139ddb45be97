//! The enterprise-level tiles: what each group of services sums.

use super::usage::{round2, Usage};
use ca_contract::{Contract, Entitlement, EntitlementKind, Service, Unit};

/// The enterprise section's Contract choice (`asked`: the `contract` query
/// value): the asked contract when it is among the active ones, else all of
/// them (an unknown or expired id falls back to all, never to nothing).
pub fn chosen_contracts<'a>(active: &[&'a Contract], asked: Option<&str>) -> Vec<&'a Contract> {
    match asked.and_then(|id| active.iter().find(|c| c.id == id)) {
        Some(c) => vec![*c],
        None => active.to_vec(),
    }
}

/// The five tiles of the enterprise section, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TileGroup {
    IntegratedProactiveServices,
    SupportAsNeeded,
    OnDemandEducation,
    SupportContacts,
    OnDemandAssessments,
}

impl TileGroup {
    pub const ALL: [TileGroup; 5] = [
        TileGroup::IntegratedProactiveServices,
        TileGroup::SupportAsNeeded,
        TileGroup::OnDemandEducation,
        TileGroup::SupportContacts,
        TileGroup::OnDemandAssessments,
    ];

    /// The group a service belongs to (`Service` in openapi.yaml).
    pub fn of(service: Service) -> Option<TileGroup> {
        use Service::*;
        match service {
            ProactiveServices | ProactiveCredits | DesignatedSupportEngineering | Workshops => {
                Some(TileGroup::IntegratedProactiveServices)
            }
            ReactiveSupport | AdvisorySupport => Some(TileGroup::SupportAsNeeded),
            OnDemandEducation => Some(TileGroup::OnDemandEducation),
            SupportContacts => Some(TileGroup::SupportContacts),
            OnDemandAssessments => Some(TileGroup::OnDemandAssessments),
            Other | Unknown => None,
        }
    }

    /// The path segment of `/customer-activity/tiles/{group}`.
    pub fn slug(self) -> &'static str {
        match self {
            TileGroup::IntegratedProactiveServices => "integrated-proactive-services",
            TileGroup::SupportAsNeeded => "support-as-needed",
            TileGroup::OnDemandEducation => "on-demand-education",
            TileGroup::SupportContacts => "support-contacts",
            TileGroup::OnDemandAssessments => "on-demand-assessments",
        }
    }

    /// Reads a slug leniently: case, `-` and `_` are ignored, so
    /// `supportAsNeeded` and `support_as_needed` work too.
    pub fn from_slug(s: &str) -> Option<TileGroup> {
        let norm = |x: &str| {
            x.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
                .to_lowercase()
        };
        let want = norm(s);
        TileGroup::ALL.into_iter().find(|g| norm(g.slug()) == want)
    }
}

/// One unit's sum within a tile.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitTotal {
    pub unit: Unit,
    pub usage: Usage,
}

/// A tile: per-unit sums, delivered hours (proactive only), and the
/// entitlements it sums.
#[derive(Debug, Clone, PartialEq)]
pub struct Tile {
    pub group: TileGroup,
    pub totals: Vec<UnitTotal>,
    pub delivered_hours: Option<f64>,
    pub entitlement_ids: Vec<String>,
}

/// The enterprise-level consumption services of the given contracts that
/// belong to `group`, in API order.
pub fn group_entitlements<'a>(
    entitlements: &'a [Entitlement],
    contracts: &[&Contract],
    group: TileGroup,
) -> Vec<&'a Entitlement> {
    entitlements
        .iter()
        .filter(|e| e.package_id.is_none())
        .filter(|e| e.kind == EntitlementKind::ConsumptionService)
        .filter(|e| TileGroup::of(e.service) == Some(group))
        .filter(|e| contracts.iter().any(|c| c.id == e.contract_id))
        .collect()
}

/// The tiles of the enterprise section for the contracts in view (each
/// contract once), skipping groups with nothing in view. Units are never
/// added together: each unit has its own total, in order of first appearance.
pub fn tiles(entitlements: &[Entitlement], contracts: &[&Contract]) -> Vec<Tile> {
    TileGroup::ALL
        .into_iter()
        .filter_map(|group| {
            let parts = group_entitlements(entitlements, contracts, group);
            if parts.is_empty() {
                return None;
            }
            let mut totals: Vec<UnitTotal> = Vec::new();
            for e in &parts {
                let u = Usage::new(e.consumed, e.purchased);
                match totals.iter_mut().find(|t| t.unit == e.unit) {
                    Some(t) => t.usage = t.usage.plus(u),
                    None => totals.push(UnitTotal {
                        unit: e.unit,
                        usage: u,
                    }),
                }
            }
            let delivered_hours = (group == TileGroup::IntegratedProactiveServices).then(|| {
                round2(
                    parts
                        .iter()
                        .filter_map(|e| e.delivered_hours)
                        .filter(|h| h.is_finite())
                        .sum(),
                )
            });
            Some(Tile {
                group,
                totals,
                delivered_hours,
                entitlement_ids: parts.iter().map(|e| e.id.clone()).collect(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::*;

    #[test]
    fn the_contract_choice_is_the_asked_active_one_else_all() {
        let (a, b) = (
            contract("c1", "2026-01-01", "2026-12-31", &["w1"]),
            contract("c2", "2026-01-01", "2026-12-31", &["w1"]),
        );
        let active = [&a, &b];
        let ids = |v: Vec<&Contract>| v.iter().map(|c| c.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(chosen_contracts(&active, Some("c2"))), ["c2"]);
        assert_eq!(ids(chosen_contracts(&active, None)), ["c1", "c2"]);
        // An id not among the active contracts (expired, unknown) shows all.
        assert_eq!(
            ids(chosen_contracts(&active, Some("expired"))),
            ["c1", "c2"]
        );
        assert!(chosen_contracts(&[], Some("c1")).is_empty());
    }

    #[test]
    fn slugs_round_trip_leniently() {
        for g in TileGroup::ALL {
            assert_eq!(TileGroup::from_slug(g.slug()), Some(g));
        }
        assert_eq!(
            TileGroup::from_slug("supportAsNeeded"),
            Some(TileGroup::SupportAsNeeded)
        );
        assert_eq!(TileGroup::from_slug("nothing"), None);
    }

    #[test]
    fn sums_per_unit_and_counts_shared_contract_once() {
        let c1 = contract("c1", "2026-01-01", "2026-12-31", &["w1", "w2"]);
        let c2 = contract("c2", "2026-01-01", "2026-12-31", &["w2"]);
        let es = vec![
            ent(
                "p1",
                "c1",
                None,
                Service::ProactiveServices,
                Unit::Hours,
                Some(100.0),
                30.0,
            ),
            ent(
                "p2",
                "c2",
                None,
                Service::ProactiveCredits,
                Unit::Credits,
                Some(50.0),
                60.0,
            ),
            ent(
                "p3",
                "c2",
                None,
                Service::Workshops,
                Unit::Hours,
                Some(20.0),
                5.5,
            ),
            ent(
                "r1",
                "c1",
                None,
                Service::ReactiveSupport,
                Unit::Hours,
                None,
                12.0,
            ),
            ent(
                "r2",
                "c2",
                None,
                Service::AdvisorySupport,
                Unit::Hours,
                Some(10.0),
                1.0,
            ),
            ent(
                "addon",
                "c1",
                Some("pk"),
                Service::ReactiveSupport,
                Unit::Hours,
                Some(10.0),
                1.0,
            ),
            ent(
                "other",
                "c1",
                None,
                Service::Other,
                Unit::Days,
                Some(1.0),
                1.0,
            ),
        ];
        let ts = tiles(&es, &[&c1, &c2]);
        assert_eq!(
            ts.iter().map(|t| t.group).collect::<Vec<_>>(),
            [
                TileGroup::IntegratedProactiveServices,
                TileGroup::SupportAsNeeded
            ]
        );
        let ips = &ts[0];
        assert_eq!(
            ips.totals,
            [
                UnitTotal {
                    unit: Unit::Hours,
                    usage: Usage::new(35.5, Some(120.0))
                },
                UnitTotal {
                    unit: Unit::Credits,
                    usage: Usage::new(60.0, Some(50.0))
                },
            ]
        );
        assert_eq!(ips.totals[1].usage.over(), Some(10.0));
        assert_eq!(ips.delivered_hours, Some(0.0));
        let san = &ts[1];
        assert_eq!(
            san.totals,
            [UnitTotal {
                unit: Unit::Hours,
                usage: Usage::new(13.0, None)
            }]
        );
        assert_eq!(san.entitlement_ids, ["r1", "r2"]);
        assert_eq!(san.delivered_hours, None);
        // Only c2 in view:
        let ts = tiles(&es, &[&c2]);
        assert_eq!(
            ts[0].totals[1],
            UnitTotal {
                unit: Unit::Hours,
                usage: Usage::new(5.5, Some(20.0))
            }
        );
    }
}
