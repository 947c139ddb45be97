//! Demo personas: who is "signed in", chosen per request by the cookie
//! `demo_persona=<id>` (else the header `x-demo-persona`, else
//! `customer-admin`); an id that names no persona is refused (400).

use crate::data::contracts::{WS_CONTOSO, WS_FABRIKAM, WS_NORTHWIND};
use crate::data::people::*;
use crate::data::Dataset;
use ca_contract::{Me, Role};
use serde::Serialize;

#[derive(Debug)]
pub struct Persona {
    pub id: &'static str,
    pub label: &'static str,
    pub description: &'static str,
    /// `false`: every endpoint answers 401.
    pub signed_in: bool,
    pub user_id: &'static str,
    pub roles: &'static [Role],
    /// The workspaces the user can see; the first is the current one.
    pub workspaces: &'static [&'static str],
    pub groups: &'static [&'static str],
}

impl Persona {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// `GET /me`.
    pub fn me(&self, ds: &Dataset) -> Me {
        let (_, name, email) = USERS
            .iter()
            .find(|u| u.0 == self.user_id)
            .copied()
            .unwrap_or(("", "Unknown user", ""));
        Me {
            id: self.user_id.to_string(),
            display_name: name.to_string(),
            email: (!email.is_empty()).then(|| email.to_string()),
            roles: self.roles.to_vec(),
            workspaces: ds
                .workspaces
                .iter()
                .filter(|w| self.workspaces.contains(&w.id.as_str()))
                .cloned()
                .collect(),
            current_workspace_id: self
                .workspaces
                .first()
                .map_or(String::new(), |w| w.to_string()),
        }
    }
}

pub const DEFAULT_PERSONA: &str = "customer-admin";

pub const PERSONAS: &[Persona] = &[
    Persona {
        id: "customer-admin",
        label: "Customer administrator",
        description: "Giulia Bianchi: customerAdmin of all three workspaces; sees every support request, and the contract mapped to no workspace.",
        signed_in: true,
        user_id: U_GIULIA,
        roles: &[Role::CustomerAdmin],
        workspaces: &[WS_CONTOSO, WS_FABRIKAM, WS_NORTHWIND],
        groups: &[],
    },
    Persona {
        id: "workspace-admin",
        label: "Workspace administrator",
        description: "Marco Rossi: workspaceAdmin of Fabrikam Retail only; sees every support request of that workspace.",
        signed_in: true,
        user_id: U_MARCO,
        roles: &[Role::WorkspaceAdmin],
        workspaces: &[WS_FABRIKAM],
        groups: &[GRP_FABRIKAM_IT],
    },
    Persona {
        id: "activity-user",
        label: "Customer Activity user",
        description: "Chiara Esposito: customerActivity in Contoso Italia and Fabrikam Retail; member of IT Operations; sees only the support requests she can reach.",
        signed_in: true,
        user_id: U_CHIARA,
        roles: &[Role::CustomerActivity],
        workspaces: &[WS_CONTOSO, WS_FABRIKAM],
        groups: &[GRP_IT_OPS],
    },
    Persona {
        id: "learning-manager",
        label: "Learning manager",
        description: "Luca Ferrari: customerActivity and learningManager in Contoso Italia and Northwind Traders; may export the training report; member of Training.",
        signed_in: true,
        user_id: U_LUCA,
        roles: &[Role::CustomerActivity, Role::LearningManager],
        workspaces: &[WS_CONTOSO, WS_NORTHWIND],
        groups: &[GRP_TRAINING],
    },
    Persona {
        id: "support-contact",
        label: "Support contact",
        description: "Sofia Romano: customerActivity and supportContact in Contoso Italia; sees only the requests she opened or that were shared with her.",
        signed_in: true,
        user_id: U_SOFIA,
        roles: &[Role::CustomerActivity, Role::SupportContact],
        workspaces: &[WS_CONTOSO],
        groups: &[],
    },
    Persona {
        id: "view-all",
        label: "View all support requests",
        description: "Alessandro Ricci: customerActivity and viewAllSupportRequests in all three workspaces; sees every support request.",
        signed_in: true,
        user_id: U_ALESSANDRO,
        roles: &[Role::CustomerActivity, Role::ViewAllSupportRequests],
        workspaces: &[WS_CONTOSO, WS_FABRIKAM, WS_NORTHWIND],
        groups: &[],
    },
    Persona {
        id: "no-access",
        label: "No access",
        description: "Francesca Marino: supportContact only; /me works, every other endpoint answers 403.",
        signed_in: true,
        user_id: U_FRANCESCA,
        roles: &[Role::SupportContact],
        workspaces: &[WS_CONTOSO],
        groups: &[GRP_IT_OPS],
    },
    Persona {
        id: "signed-out",
        label: "Signed out",
        description: "No session: every endpoint answers 401.",
        signed_in: false,
        user_id: "",
        roles: &[],
        workspaces: &[],
        groups: &[],
    },
];

pub fn by_id(id: &str) -> Option<&'static Persona> {
    PERSONAS.iter().find(|p| p.id == id)
}

/// The persona of a request: the first non-empty `demo_persona` cookie (of
/// any of the `Cookie` headers), else the `x-demo-persona` header, else the
/// default. `Err(id)`: the chosen source names no persona (the caller
/// answers 400 listing the known ones, rather than silently becoming an
/// administrator).
pub fn select<'a>(
    cookie_headers: impl IntoIterator<Item = &'a str>,
    header: Option<&str>,
) -> Result<&'static Persona, String> {
    let from_cookie = cookie_headers
        .into_iter()
        .flat_map(|h| h.split(';'))
        .filter_map(|kv| kv.trim().strip_prefix("demo_persona="))
        .map(|v| v.trim().trim_matches('"'))
        .find(|v| !v.is_empty());
    let named = from_cookie.or_else(|| header.map(str::trim).filter(|h| !h.is_empty()));
    match named {
        Some(id) => by_id(id).ok_or_else(|| id.to_string()),
        None => Ok(by_id(DEFAULT_PERSONA).expect("the default persona exists")),
    }
}

/// The ids of every persona, in the switcher's order.
pub fn ids() -> Vec<&'static str> {
    PERSONAS.iter().map(|p| p.id).collect()
}

/// An entry of `GET /api/v1/demo/personas` (demo-only, not in the contract).
#[derive(Debug, Serialize)]
pub struct PersonaInfo {
    pub id: &'static str,
    pub label: &'static str,
    pub description: &'static str,
}

pub fn list() -> Vec<PersonaInfo> {
    PERSONAS
        .iter()
        .map(|p| PersonaInfo {
            id: p.id,
            label: p.label,
            description: p.description,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_then_header_then_default() {
        let id = |r: Result<&Persona, String>| r.map(|p| p.id);
        assert_eq!(
            id(select(["a=1; demo_persona=view-all"], Some("no-access"))),
            Ok("view-all")
        );
        assert_eq!(
            id(select(["a=1", "demo_persona=signed-out"], None)),
            Ok("signed-out")
        );
        assert_eq!(
            id(select(["demo_persona=\"no-access\""], None)),
            Ok("no-access")
        );
        assert_eq!(id(select([], Some("no-access"))), Ok("no-access"));
        assert_eq!(
            id(select(["demo_persona="], Some(" "))),
            Ok(DEFAULT_PERSONA)
        );
        assert_eq!(id(select([], None)), Ok(DEFAULT_PERSONA));
    }

    #[test]
    fn an_unknown_persona_is_an_error_not_the_administrator() {
        assert_eq!(
            select(["demo_persona=nobody"], Some("view-all")).map(|p| p.id),
            Err("nobody".to_string()),
            "the cookie wins, and names no persona"
        );
        assert_eq!(
            select(["x=1"], Some("bogus")).map(|p| p.id),
            Err("bogus".to_string())
        );
        assert_eq!(ids().len(), PERSONAS.len());
    }

    #[test]
    fn personas_are_as_documented() {
        let ds = Dataset::build(crate::date::Day::parse("2026-05-01").unwrap(), false);
        assert_eq!(
            by_id("workspace-admin").unwrap().me(&ds).workspaces.len(),
            1
        );
        assert_eq!(by_id("customer-admin").unwrap().me(&ds).workspaces.len(), 3);
        assert_eq!(by_id("activity-user").unwrap().me(&ds).workspaces.len(), 2);
        let ids: Vec<_> = list().iter().map(|p| p.id).collect();
        for id in [
            "customer-admin",
            "workspace-admin",
            "activity-user",
            "learning-manager",
            "support-contact",
            "view-all",
            "no-access",
            "signed-out",
        ] {
            assert!(ids.contains(&id), "{id}");
        }
    }
}
