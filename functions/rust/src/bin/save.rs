//! The `save` function's bootstrap.

#[tokio::main]
async fn main() -> Result<(), lambda_runtime::Error> {
    lambench_functions::lambda::run_save().await
}
