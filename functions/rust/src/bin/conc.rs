//! The `conc` function's bootstrap: the 9 queries issued concurrently.

use lambench_functions::services::search::QueryOrder;

#[tokio::main]
async fn main() -> Result<(), lambda_runtime::Error> {
    lambench_functions::lambda::run_search(QueryOrder::Concurrent).await
}
