//! Workspaces, contracts and add-on packages, dated relative to today.

use crate::date::Day;
use ca_contract::{Contract, ContractType, Package, PackageStatus, Workspace};

pub const WS_CONTOSO: &str = "ws-contoso-italia";
pub const WS_FABRIKAM: &str = "ws-fabrikam-retail";
pub const WS_NORTHWIND: &str = "ws-northwind-traders";

pub const C_BENCH: &str = "c-bench";

pub fn workspaces() -> Vec<Workspace> {
    [
        (WS_CONTOSO, "Contoso Italia S.p.A."),
        (WS_FABRIKAM, "Fabrikam Retail"),
        (WS_NORTHWIND, "Northwind Traders"),
    ]
    .into_iter()
    .map(|(id, name)| Workspace {
        id: id.into(),
        name: name.into(),
    })
    .collect()
}

fn contract(
    id: &str,
    number: &str,
    name: &str,
    kind: ContractType,
    start: Day,
    end: Day,
    ws: &[&str],
) -> Contract {
    Contract {
        id: id.into(),
        number: number.into(),
        name: name.into(),
        kind: Some(kind),
        start_date: start.to_string(),
        end_date: end.to_string(),
        workspace_ids: ws.iter().map(|w| w.to_string()).collect(),
    }
}

/// The contracts, in API order. Ids are `c-<code>`; the entitlements refer
/// to them by that code.
pub fn contracts(t: Day, bench: bool) -> Vec<Contract> {
    use ContractType::{Other, Premier, Unified};
    let mut v = vec![
        contract(
            "c-cu",
            "U-4827153",
            "Contoso Italia – Unified Enterprise",
            Unified,
            t.plus(-300),
            t.plus(300),
            &[WS_CONTOSO],
        ),
        contract(
            "c-cp",
            "S-7654321",
            "Contoso Italia – Premier Support",
            Premier,
            t.plus(-500),
            t.plus(230),
            &[WS_CONTOSO],
        ),
        contract(
            "c-sh",
            "U-1234567",
            "Contoso Group – Unified Shared Services",
            Unified,
            t.plus(-200),
            t.plus(165),
            &[WS_CONTOSO, WS_FABRIKAM],
        ),
        contract(
            "c-fu",
            "U-3391820",
            "Fabrikam Retail – Unified Performance",
            Unified,
            t.plus(-120),
            t.plus(245),
            &[WS_FABRIKAM],
        ),
        contract(
            "c-fp",
            "S-5520147",
            "Fabrikam Retail – Premier Support",
            Premier,
            t.plus(-250),
            t.plus(115),
            &[WS_FABRIKAM],
        ),
        contract(
            "c-nu",
            "U-6610384",
            "Northwind Traders – Unified Advanced",
            Unified,
            t.plus(-90),
            t.plus(275),
            &[WS_NORTHWIND],
        ),
        contract(
            "c-np",
            "S-2087715",
            "Northwind Traders – Premier Legacy",
            Premier,
            t.plus(-330),
            t.plus(35),
            &[WS_NORTHWIND],
        ),
        contract(
            "c-ex",
            "S-1983302",
            "Contoso Italia – Premier 2024",
            Premier,
            t.plus(-430),
            t.plus(-65),
            &[WS_CONTOSO],
        ),
        contract(
            "c-fut",
            "U-9044176",
            "Fabrikam Retail – Unified Renewal",
            Unified,
            t.plus(25),
            t.plus(390),
            &[WS_FABRIKAM],
        ),
        contract(
            "c-et",
            "S-4410927",
            "Northwind Traders – Premier Bridge",
            Premier,
            t.plus(-364),
            t,
            &[WS_NORTHWIND],
        ),
        contract(
            "c-st",
            "U-7730215",
            "Contoso Italia – Cloud Accelerate",
            Other,
            t,
            t.plus(364),
            &[WS_CONTOSO],
        ),
        contract(
            "c-um",
            "U-5108834",
            "Contoso Labs – Unified (not mapped)",
            Unified,
            t.plus(-150),
            t.plus(215),
            &[],
        ),
    ];
    if bench {
        v.push(contract(
            C_BENCH,
            "U-0100000",
            "Benchmark",
            Unified,
            t.plus(-365),
            t.plus(365),
            &[WS_CONTOSO],
        ));
    }
    v
}

fn package(
    id: &str,
    contract: &str,
    number: &str,
    name: &str,
    active: bool,
    start: Day,
    end: Day,
) -> Package {
    Package {
        id: id.into(),
        contract_id: contract.into(),
        name: name.into(),
        number: Some(number.into()),
        status: if active {
            PackageStatus::Active
        } else {
            PackageStatus::Inactive
        },
        start_date: start.to_string(),
        end_date: end.to_string(),
    }
}

/// The add-on packages. `c-cp`, `c-fp` and several others have none.
pub fn packages(t: Day) -> Vec<Package> {
    vec![
        package(
            "pkg-cu-security",
            "c-cu",
            "PKG-204817",
            "Azure Security Enhanced Support",
            true,
            t.plus(-300),
            t.plus(65),
        ),
        package(
            "pkg-cu-sql",
            "c-cu",
            "PKG-204818",
            "SQL Server Modernisation",
            true,
            t.plus(-240),
            t.plus(30),
        ),
        package(
            "pkg-cu-m365",
            "c-cu",
            "PKG-204819",
            "Microsoft 365 Adoption Accelerator",
            true,
            t.plus(-180),
            t,
        ),
        package(
            "pkg-cu-dynamics",
            "c-cu",
            "PKG-198233",
            "Dynamics 365 Success Package",
            false,
            t.plus(-290),
            t.plus(-45),
        ),
        package(
            "pkg-cu-copilot",
            "c-cu",
            "PKG-211002",
            "Microsoft 365 Copilot Readiness",
            false,
            t.plus(14),
            t.plus(65),
        ),
        package(
            "pkg-cu-devops",
            "c-cu",
            "PKG-207741",
            "Developer Support Plus",
            true,
            t.plus(-160),
            t.plus(200),
        ),
        package(
            "pkg-sh-retail",
            "c-sh",
            "PKG-301554",
            "Retail Cloud Operations",
            true,
            t.plus(-200),
            t.plus(150),
        ),
        package(
            "pkg-fu-ai",
            "c-fu",
            "PKG-305120",
            "Azure AI Foundry Jumpstart",
            true,
            t.plus(-100),
            t.plus(88),
        ),
        package(
            "pkg-nu-sap",
            "c-nu",
            "PKG-402210",
            "SAP on Azure Operations",
            true,
            t.plus(-90),
            t.plus(240),
        ),
        package(
            "pkg-np-esu",
            "c-np",
            "PKG-390011",
            "Windows Server 2012 ESU Support",
            false,
            t.plus(-300),
            t.plus(-120),
        ),
    ]
}
