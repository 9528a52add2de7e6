namespace eventgraph {}
