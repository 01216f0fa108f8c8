using Xunit;

// libtorch state is process-wide (OdeBlockTests sets its thread count) and a tensor conversion failed
// once while another class ran torch work in parallel; the runtime tests run one class at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
