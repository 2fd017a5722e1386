pub mod recognize;
