//! The `search` function's bootstrap (also packaged as `warmup`): the 9 queries one after the other.

use lambench_functions::services::search::QueryOrder;

#[tokio::main]
async fn main() -> Result<(), lambda_runtime::Error> {
    lambench_functions::lambda::run_search(QueryOrder::Sequential).await
}
