//! The add-on packages section: its three filters and what a card shows.

use super::dates::{days_until, parse_date};
use super::view::is_active;
use ca_contract::{Contract, Entitlement, EntitlementKind, Package, PackageStatus};
use chrono::NaiveDate;

/// The Package status combobox.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusFilter {
    All,
    #[default]
    Active,
    Inactive,
}

impl StatusFilter {
    pub const ALL: [StatusFilter; 3] = [
        StatusFilter::All,
        StatusFilter::Active,
        StatusFilter::Inactive,
    ];

    pub fn as_query(self) -> &'static str {
        match self {
            StatusFilter::All => "all",
            StatusFilter::Active => "active",
            StatusFilter::Inactive => "inactive",
        }
    }

    /// Missing or unknown: the default, Active.
    pub fn from_query(v: Option<&str>) -> Self {
        Self::ALL
            .into_iter()
            .find(|s| Some(s.as_query()) == v)
            .unwrap_or_default()
    }

    pub fn admits(self, p: &Package) -> bool {
        match self {
            StatusFilter::All => true,
            StatusFilter::Active => p.status == PackageStatus::Active,
            StatusFilter::Inactive => p.status == PackageStatus::Inactive,
        }
    }
}

/// The add-on Contract combobox's choice: the one asked for when it is in
/// view, else the first active contract of the view (API order), else the
/// first contract of the view.
pub fn addon_contract<'a>(
    in_view: &[&'a Contract],
    asked: Option<&str>,
    today: NaiveDate,
) -> Option<&'a Contract> {
    asked
        .and_then(|id| in_view.iter().find(|c| c.id == id))
        .or_else(|| in_view.iter().find(|c| is_active(c, today)))
        .or_else(|| in_view.first())
        .copied()
}

/// The packages of a contract, in API order.
pub fn contract_packages<'a>(packages: &'a [Package], contract_id: &str) -> Vec<&'a Package> {
    packages
        .iter()
        .filter(|p| p.contract_id == contract_id)
        .collect()
}

/// The packages shown: of the contract, the chosen package (or all), of the
/// chosen status.
pub fn packages_in_view<'a>(
    packages: &'a [Package],
    contract_id: &str,
    package_id: Option<&str>,
    status: StatusFilter,
) -> Vec<&'a Package> {
    contract_packages(packages, contract_id)
        .into_iter()
        .filter(|p| package_id.is_none_or(|id| p.id == id))
        .filter(|p| status.admits(p))
        .collect()
}

/// When a package ends, as its card says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expiry {
    /// Ends on `date` (today or later); `days_left` when within 90 days.
    Expires {
        date: NaiveDate,
        days_left: Option<i64>,
    },
    Expired {
        date: NaiveDate,
    },
    /// The end date does not parse.
    Unknown,
}

/// How many days ahead an ending package is flagged.
pub const WARN_DAYS: i64 = 90;

pub fn expiry(p: &Package, today: NaiveDate) -> Expiry {
    match parse_date(&p.end_date) {
        None => Expiry::Unknown,
        Some(end) => {
            let n = days_until(today, end);
            if n < 0 {
                Expiry::Expired { date: end }
            } else {
                Expiry::Expires {
                    date: end,
                    days_left: (n <= WARN_DAYS).then_some(n),
                }
            }
        }
    }
}

/// A package's entitlements: consumption services, then additional benefits.
pub fn package_entitlements<'a>(
    entitlements: &'a [Entitlement],
    package_id: &str,
) -> (Vec<&'a Entitlement>, Vec<&'a Entitlement>) {
    let mine = entitlements
        .iter()
        .filter(|e| e.package_id.as_deref() == Some(package_id));
    mine.partition(|e| e.kind != EntitlementKind::AdditionalBenefit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::*;
    use ca_contract::{Service, Unit};

    #[test]
    fn filters_only_narrow() {
        let ps = vec![
            package("a", "c1", PackageStatus::Active, "2026-01-01", "2027-01-01"),
            package(
                "b",
                "c1",
                PackageStatus::Inactive,
                "2025-01-01",
                "2025-12-31",
            ),
            package("c", "c2", PackageStatus::Active, "2026-01-01", "2027-01-01"),
        ];
        let ids = |v: Vec<&Package>| v.iter().map(|p| p.id.clone()).collect::<Vec<_>>();
        assert_eq!(
            ids(packages_in_view(&ps, "c1", None, StatusFilter::All)),
            ["a", "b"]
        );
        assert_eq!(
            ids(packages_in_view(&ps, "c1", None, StatusFilter::Active)),
            ["a"]
        );
        assert_eq!(
            ids(packages_in_view(&ps, "c1", None, StatusFilter::Inactive)),
            ["b"]
        );
        assert_eq!(
            ids(packages_in_view(&ps, "c1", Some("b"), StatusFilter::Active)),
            Vec::<String>::new()
        );
        assert_eq!(
            ids(packages_in_view(&ps, "c1", Some("b"), StatusFilter::All)),
            ["b"]
        );
        assert_eq!(StatusFilter::from_query(None), StatusFilter::Active);
        assert_eq!(StatusFilter::from_query(Some("all")), StatusFilter::All);
    }

    #[test]
    fn expiry_boundaries() {
        let t = day("2026-11-27");
        let p = |end: &str| package("p", "c", PackageStatus::Active, "2026-01-01", end);
        let table = [
            (
                "2026-11-27",
                Expiry::Expires {
                    date: day("2026-11-27"),
                    days_left: Some(0),
                },
            ),
            (
                "2026-11-28",
                Expiry::Expires {
                    date: day("2026-11-28"),
                    days_left: Some(1),
                },
            ),
            (
                "2027-02-25",
                Expiry::Expires {
                    date: day("2027-02-25"),
                    days_left: Some(90),
                },
            ),
            (
                "2027-02-26",
                Expiry::Expires {
                    date: day("2027-02-26"),
                    days_left: None,
                },
            ),
            (
                "2026-11-26",
                Expiry::Expired {
                    date: day("2026-11-26"),
                },
            ),
            ("never", Expiry::Unknown),
        ];
        for (end, want) in table {
            assert_eq!(expiry(&p(end), t), want, "{end}");
        }
    }

    #[test]
    fn default_contract_is_first_active() {
        let t = day("2026-11-27");
        let old = contract("old", "2020-01-01", "2021-01-01", &["w"]);
        let cur = contract("cur", "2026-01-01", "2027-01-01", &["w"]);
        let v = vec![&old, &cur];
        assert_eq!(addon_contract(&v, None, t).unwrap().id, "cur");
        assert_eq!(addon_contract(&v, Some("old"), t).unwrap().id, "old");
        assert_eq!(addon_contract(&v, Some("gone"), t).unwrap().id, "cur");
        assert!(addon_contract(&[], None, t).is_none());
    }

    #[test]
    fn splits_benefits() {
        let mut b = ent("b", "c", Some("p"), Service::Other, Unit::Days, None, 0.0);
        b.kind = EntitlementKind::AdditionalBenefit;
        let es = vec![
            ent(
                "s",
                "c",
                Some("p"),
                Service::ReactiveSupport,
                Unit::Hours,
                Some(1.0),
                0.0,
            ),
            b,
        ];
        let (s, bs) = package_entitlements(&es, "p");
        assert_eq!((s.len(), bs.len()), (1, 1));
        assert_eq!(bs[0].id, "b");
    }
}
