using Bishan.Workflow.Benchmarks;

// Release-mode harness: dotnet run -c Release --project tests/Bishan.Workflow.Benchmarks [-- --count 2000]
var count = args.SkipWhile(a => a != "--count").Skip(1).Select(int.Parse).FirstOrDefault(2_000);
var seedInstances = args.SkipWhile(a => a != "--instances").Skip(1).Select(int.Parse).FirstOrDefault(100_000);
await RuntimeBenchmark.RunAsync(count, seedInstances);
