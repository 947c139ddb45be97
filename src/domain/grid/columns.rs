//! The grids' columns: ids, kinds, query keys, and which columns each
//! record type shows.

use ca_contract::{ActivityRecord, RecordKind, Service};

/// Declares the column ids with their query-string keys (`sort=`), once.
macro_rules! columns {
    ($($(#[$m:meta])* $id:ident => $key:literal,)+) => {
        /// A column of any grid.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum ColId { $($(#[$m])* $id,)+ }

        /// Every column.
        pub(super) const ALL_COLS: &[ColId] = &[$(ColId::$id,)+];

        impl ColId {
            /// The column's name in the query string (`sort=`).
            pub fn key(self) -> &'static str {
                match self { $(ColId::$id => $key,)+ }
            }

            pub fn from_key(k: &str) -> Option<ColId> {
                ALL_COLS.iter().copied().find(|c| c.key() == k)
            }
        }
    };
}

columns! {
    CaseNumber => "caseNumber",
    Title => "title",
    Severity => "severity",
    Status => "status",
    Created => "created",
    Closed => "closed",
    PrimaryContact => "primaryContact",
    Product => "product",
    ServiceName => "serviceName",
    DeliveryType => "deliveryType",
    StartDate => "startDate",
    EndDate => "endDate",
    DeliveredHours => "deliveredHours",
    Resource => "resource",
    Learner => "learner",
    LearnerEmail => "learnerEmail",
    Activity => "activity",
    ActivityType => "activityType",
    Started => "started",
    Completed => "completed",
    Hours => "hours",
    Name => "name",
    Email => "email",
    Role => "role",
    Added => "added",
    Assessment => "assessment",
    Technology => "technology",
    SetupDate => "setupDate",
    LastCollected => "lastCollected",
    LogAnalytics => "logAnalytics",
    Reason => "reason",
    Classification => "classification",
    ContractNumber => "contractNumber",
    /// The record's `quantity`, headed by the entitlement's unit.
    Quantity => "quantity",
    /// A proactive delivery's engagement (what a customer quotes to the CSAM).
    EngagementId => "engagementId",
    /// The name of the workspace a support request or case belongs to.
    Workspace => "workspace",
    /// The record's id (exports only).
    RecordId => "id",
    /// The record's link in Services Hub (exports only).
    Url => "url",
}

/// How a column's values compare and render.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColKind {
    Text,
    Number,
    Date,
    /// A contract enum: shown as words (and a badge), sorted by those words.
    Enum,
}

impl ColId {
    pub fn kind(self) -> ColKind {
        use ColId::*;
        match self {
            Severity | Status | DeliveryType | ActivityType | Role | Reason => ColKind::Enum,
            Created | Closed | StartDate | EndDate | Started | Completed | Added | SetupDate
            | LastCollected => ColKind::Date,
            DeliveredHours | Hours | Quantity => ColKind::Number,
            _ => ColKind::Text,
        }
    }
}

/// The most common type among the records, else the service's.
pub fn dominant_kind(records: &[ActivityRecord], service: Service) -> RecordKind {
    let mut counts = [0usize; 5];
    for r in records {
        let k = RecordKind::of(r);
        counts[RecordKind::ALL.iter().position(|x| *x == k).unwrap_or(0)] += 1;
    }
    let best = (0..5)
        .max_by_key(|i| (counts[*i], usize::MAX - i))
        .unwrap_or(0);
    if counts[best] == 0 {
        RecordKind::for_service(service)
    } else {
        RecordKind::ALL[best]
    }
}

/// The grid's columns for a record type, quantity last.
pub fn columns(kind: RecordKind) -> &'static [ColId] {
    use ColId::*;
    match kind {
        RecordKind::SupportRequest => &[
            CaseNumber,
            Title,
            Severity,
            Status,
            Created,
            Closed,
            PrimaryContact,
            Product,
            Quantity,
        ],
        RecordKind::ProactiveDelivery => &[
            EngagementId,
            ServiceName,
            DeliveryType,
            Status,
            StartDate,
            EndDate,
            DeliveredHours,
            Resource,
            Quantity,
        ],
        RecordKind::EducationActivity => &[
            Learner,
            LearnerEmail,
            Activity,
            ActivityType,
            Status,
            Started,
            Completed,
            Hours,
            Quantity,
        ],
        RecordKind::SupportContact => &[Name, Email, Role, Status, Added, Quantity],
        RecordKind::AssessmentSetup => &[
            Assessment,
            Technology,
            Status,
            SetupDate,
            LastCollected,
            LogAnalytics,
            Quantity,
        ],
    }
}

/// A grid's columns with the Workspace column, shown under All workspaces
/// for the rows that belong to a workspace (support requests and cases):
/// after the case number.
pub fn with_workspace(cols: &[ColId]) -> Vec<ColId> {
    let mut out = cols.to_vec();
    if !out.contains(&ColId::Workspace) {
        let at = out
            .iter()
            .position(|c| *c == ColId::CaseNumber)
            .map_or(0, |i| i + 1);
        out.insert(at, ColId::Workspace);
    }
    out
}

/// What an export writes after the columns shown: the record's other
/// fields (its id, engagement, workspace and link), those of `kind` only.
pub fn export_extras(shown: &[ColId], kind: Option<RecordKind>) -> Vec<ColId> {
    use ColId::*;
    let fields: &[ColId] = match kind {
        Some(RecordKind::SupportRequest) => &[RecordId, Workspace, Url],
        Some(RecordKind::ProactiveDelivery) => &[RecordId, EngagementId, Url],
        Some(_) => &[RecordId],
        // Additional cases: the case number is their id.
        None => &[Workspace, Url],
    };
    fields
        .iter()
        .copied()
        .filter(|c| !shown.contains(c))
        .collect()
}

/// The columns of the Additional cases grid.
pub const CASE_COLUMNS: &[ColId] = &[
    ColId::CaseNumber,
    ColId::Title,
    ColId::Created,
    ColId::Status,
    ColId::Hours,
    ColId::Reason,
    ColId::Classification,
    ColId::ContractNumber,
];
