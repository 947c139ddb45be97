use thiserror::Error;

/// Why a request failed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ApiError {
    /// The request did not reach the server or its answer did not arrive.
    #[error("network error: {0}")]
    Network(String),
    /// The server answered a non-2xx status, with its problem details.
    #[error("HTTP {status}")]
    Http {
        status: u16,
        title: Option<String>,
        detail: Option<String>,
        retry_after: Option<u32>,
    },
    /// The body was not the JSON the contract promises.
    #[error("unexpected response: {0}")]
    Decode(String),
    /// No complete answer within the time limit.
    #[error("timed out")]
    Timeout,
    /// The view that asked is gone.
    #[error("aborted")]
    Aborted,
    /// The body was longer than the page reads (`MAX_RESPONSE_BYTES`).
    #[error("the answer was too large")]
    TooLarge,
}

impl ApiError {
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Http { status, .. } => Some(*status),
            _ => None,
        }
    }
}
