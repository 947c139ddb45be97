//! Which workspaces and contracts are in view.

use super::dates::{parse_date, within};
use ca_contract::{Contract, Me};
use chrono::NaiveDate;

/// The Workspace combobox: one workspace, or all of the user's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkspaceSel {
    All,
    One(String),
}

impl WorkspaceSel {
    /// The query value `all`.
    pub const ALL: &'static str = "all";

    /// Reads the `workspace` query value. Missing, unknown, or `all` for a
    /// user with a single workspace: the user's current workspace.
    pub fn from_query(value: Option<&str>, me: &Me) -> Self {
        match value {
            Some(Self::ALL) if me.workspaces.len() > 1 => WorkspaceSel::All,
            Some(id) if me.workspaces.iter().any(|w| w.id == id) => {
                WorkspaceSel::One(id.to_owned())
            }
            _ => Self::default_for(me),
        }
    }

    /// The user's current workspace (or their first, should the current one
    /// not be among theirs).
    pub fn default_for(me: &Me) -> Self {
        if me
            .workspaces
            .iter()
            .any(|w| w.id == me.current_workspace_id)
            || me.workspaces.is_empty()
        {
            WorkspaceSel::One(me.current_workspace_id.clone())
        } else {
            WorkspaceSel::One(me.workspaces[0].id.clone())
        }
    }

    /// The query value for this selection.
    pub fn as_query(&self) -> &str {
        match self {
            WorkspaceSel::All => Self::ALL,
            WorkspaceSel::One(id) => id,
        }
    }

    /// Whether a workspace id is selected.
    pub fn includes(&self, workspace_id: &str, me: &Me) -> bool {
        match self {
            WorkspaceSel::All => me.workspaces.iter().any(|w| w.id == workspace_id),
            WorkspaceSel::One(id) => id == workspace_id,
        }
    }

    /// Whether a contract is mapped to a selected workspace.
    pub fn includes_contract(&self, c: &Contract, me: &Me) -> bool {
        c.workspace_ids.iter().any(|w| self.includes(w, me))
    }
}

/// A contract is active on every day from its start to its end date, both
/// inclusive; one whose dates do not parse is not active (and is reported).
pub fn is_active(c: &Contract, today: NaiveDate) -> bool {
    match (parse_date(&c.start_date), parse_date(&c.end_date)) {
        (Some(s), Some(e)) => within(today, s, e),
        _ => false,
    }
}

/// The contracts of the selected workspace(s), each once, in API order.
pub fn contracts_in_view<'a>(
    contracts: &'a [Contract],
    sel: &WorkspaceSel,
    me: &Me,
) -> Vec<&'a Contract> {
    let mut seen = std::collections::HashSet::new();
    contracts
        .iter()
        .filter(|c| sel.includes_contract(c, me))
        .filter(|c| seen.insert(c.id.as_str()))
        .collect()
}

/// The active contracts of the selected workspace(s), each once, in API order.
pub fn active_contracts<'a>(
    contracts: &'a [Contract],
    sel: &WorkspaceSel,
    me: &Me,
    today: NaiveDate,
) -> Vec<&'a Contract> {
    contracts_in_view(contracts, sel, me)
        .into_iter()
        .filter(|c| is_active(c, today))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::*;

    #[test]
    fn workspace_query_falls_back_to_current() {
        let me = me(&["w1", "w2"], "w2");
        assert_eq!(
            WorkspaceSel::from_query(None, &me),
            WorkspaceSel::One("w2".into())
        );
        assert_eq!(
            WorkspaceSel::from_query(Some("nope"), &me),
            WorkspaceSel::One("w2".into())
        );
        assert_eq!(
            WorkspaceSel::from_query(Some("all"), &me),
            WorkspaceSel::All
        );
        assert_eq!(
            WorkspaceSel::from_query(Some("w1"), &me),
            WorkspaceSel::One("w1".into())
        );
        let single = self::me(&["w1"], "w1");
        assert_eq!(
            WorkspaceSel::from_query(Some("all"), &single),
            WorkspaceSel::One("w1".into())
        );
    }

    #[test]
    fn active_on_both_boundaries_and_counted_once() {
        let me = me(&["w1", "w2"], "w1");
        let cs = vec![
            contract("starts", "2026-11-27", "2027-11-26", &["w1"]),
            contract("ends", "2025-11-28", "2026-11-27", &["w1", "w2"]),
            contract("expired", "2025-01-01", "2026-11-26", &["w1"]),
            contract("future", "2026-11-28", "2027-11-27", &["w2"]),
            contract("unmapped", "2026-01-01", "2027-01-01", &[]),
            contract("bad", "2026-01-01", "someday", &["w1"]),
        ];
        let t = day("2026-11-27");
        let ids = |v: Vec<&Contract>| v.iter().map(|c| c.id.clone()).collect::<Vec<_>>();
        assert_eq!(
            ids(active_contracts(&cs, &WorkspaceSel::All, &me, t)),
            ["starts", "ends"]
        );
        assert_eq!(
            ids(active_contracts(
                &cs,
                &WorkspaceSel::One("w2".into()),
                &me,
                t
            )),
            ["ends"]
        );
        assert_eq!(contracts_in_view(&cs, &WorkspaceSel::All, &me).len(), 5);
    }
}
