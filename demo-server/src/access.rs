//! What a persona may see, as pure functions over the dataset.
//!
//! - The page opens for customerAdmin, workspaceAdmin and customerActivity.
//! - A non-administrator (none of customerAdmin, workspaceAdmin,
//!   viewAllSupportRequests) sees only the support requests they can reach:
//!   a group they belong to, shared with them personally, or they are its
//!   primary contact. Additional cases follow the same rule.
//! - Everyone sees only their own workspaces: contracts mapped to one of
//!   them (the list cut to theirs), support requests and cases of them. A
//!   contract mapped to no workspace (and a case of no workspace) belongs to
//!   the customer as a whole: only a customerAdmin sees it.
//! - Support-request entitlements report `consumed` summed from the records
//!   the caller sees, so tiles and drilldowns agree.

use crate::data::{record_kind, round2, Access, Dataset, Rec, RecordKind};
use crate::personas::Persona;
use ca_contract::{
    ActivityRecord, AdditionalCases, Contract, CustomerActivity, Entitlement, Lenient, Package,
    Role,
};

pub fn has_page_access(p: &Persona) -> bool {
    p.signed_in
        && (p.has(Role::CustomerAdmin)
            || p.has(Role::WorkspaceAdmin)
            || p.has(Role::CustomerActivity))
}

/// Administrators and viewAllSupportRequests see every support request.
pub fn sees_every_request(p: &Persona) -> bool {
    p.has(Role::CustomerAdmin) || p.has(Role::WorkspaceAdmin) || p.has(Role::ViewAllSupportRequests)
}

/// Whether the persona can reach a request with these access attributes.
pub fn can_reach(p: &Persona, a: &Access) -> bool {
    sees_every_request(p)
        || a.groups.iter().any(|g| p.groups.contains(g))
        || a.shared_with.contains(&p.user_id)
        || a.primary_contact == p.user_id
}

/// Whether something of this workspace (None: of no workspace) is in scope.
pub fn in_scope(p: &Persona, ws: Option<&str>) -> bool {
    match ws {
        Some(ws) => p.workspaces.contains(&ws),
        None => p.has(Role::CustomerAdmin),
    }
}

/// The contract as this persona sees it (its workspaces cut to theirs), if at all.
pub fn scoped_contract(p: &Persona, c: &Contract) -> Option<Contract> {
    if c.workspace_ids.is_empty() {
        return in_scope(p, None).then(|| c.clone());
    }
    let ws: Vec<String> = c
        .workspace_ids
        .iter()
        .filter(|w| in_scope(p, Some(w)))
        .cloned()
        .collect();
    (!ws.is_empty()).then(|| Contract {
        workspace_ids: ws,
        ..c.clone()
    })
}

fn contract_visible(ds: &Dataset, p: &Persona, contract_id: &str) -> bool {
    ds.contract(contract_id)
        .is_some_and(|c| scoped_contract(p, c).is_some())
}

/// Whether one record of a drilldown is shown to the persona.
pub fn record_visible(p: &Persona, r: &Rec) -> bool {
    match &r.record {
        ActivityRecord::SupportRequest(sr) => {
            in_scope(p, sr.workspace_id.as_deref())
                && r.access.as_ref().is_none_or(|a| can_reach(p, a))
        }
        _ => true,
    }
}

/// The entitlement, if the persona may open it (its contract is theirs).
pub fn visible_entitlement<'a>(ds: &'a Dataset, p: &Persona, id: &str) -> Option<&'a Entitlement> {
    ds.entitlement(id)
        .filter(|e| contract_visible(ds, p, &e.contract_id))
}

/// The records of an entitlement the persona sees.
pub fn visible_records<'a>(
    ds: &'a Dataset,
    p: &'a Persona,
    entitlement_id: &str,
) -> impl Iterator<Item = &'a Rec> + 'a {
    ds.records_of(entitlement_id)
        .iter()
        .filter(move |r| record_visible(p, r))
}

/// Whether the persona sees every record of the entitlement (so the full,
/// pre-serialised list can be served).
pub fn sees_all_records(ds: &Dataset, p: &Persona, entitlement_id: &str) -> bool {
    ds.records_of(entitlement_id)
        .iter()
        .all(|r| record_visible(p, r))
}

/// The entitlement with `consumed` as the persona sees it.
fn scoped_entitlement(ds: &Dataset, p: &Persona, e: &Entitlement) -> Entitlement {
    let mut e = e.clone();
    if record_kind(e.service) == RecordKind::SupportRequest
        && e.kind == ca_contract::EntitlementKind::ConsumptionService
    {
        e.consumed = round2(
            visible_records(ds, p, &e.id)
                .map(|r| r.record.quantity())
                .sum(),
        );
    }
    e
}

/// `GET /customer-activity` for this persona.
pub fn customer_activity(ds: &Dataset, p: &Persona) -> CustomerActivity {
    let contracts: Vec<Contract> = ds
        .contracts
        .iter()
        .filter_map(|c| scoped_contract(p, c))
        .collect();
    let visible = |id: &str| contracts.iter().any(|c| c.id == id);
    let packages: Vec<Package> = ds
        .packages
        .iter()
        .filter(|x| visible(&x.contract_id))
        .cloned()
        .collect();
    let entitlements: Vec<Entitlement> = ds
        .entitlements
        .iter()
        .filter(|e| visible(&e.contract_id))
        .map(|e| scoped_entitlement(ds, p, e))
        .collect();
    CustomerActivity {
        generated_at: ds.generated_at.clone(),
        workspaces: Lenient::from(
            ds.workspaces
                .iter()
                .filter(|w| in_scope(p, Some(&w.id)))
                .cloned()
                .collect::<Vec<_>>(),
        ),
        contracts: Lenient::from(contracts),
        entitlements: Lenient::from(entitlements),
        packages: Lenient::from(packages),
    }
}

/// `GET /additional-cases` for this persona.
pub fn additional_cases(ds: &Dataset, p: &Persona) -> AdditionalCases {
    let cases = ds
        .cases
        .iter()
        .filter(|c| in_scope(p, c.case.workspace_id.as_deref()) && can_reach(p, &c.access))
        .map(|c| c.case.clone())
        .collect::<Vec<_>>();
    AdditionalCases {
        cases: Lenient::from(cases),
    }
}
