// jemalloc's options for the eventgraph command, compiled in only when the
// command links jemalloc (EVENTGRAPH_JEMALLOC). jemalloc reads this global
// once, at its first allocation; MALLOC_CONF in the environment still
// overrides it.
//
// Why: a 100k-event file makes about half a million small allocations, about
// 150-300 MB of fresh memory. Where a page fault is dear (virtual machines,
// measured here at 8-32 us a 4 KiB page), first touch dominated both loads:
// asking for transparent huge pages made a warm `check` 0.66 -> 0.18 s and a
// cold one 8.0 -> 4.4 s. Huge pages only where the kernel allows them
// (/sys/kernel/mm/transparent_hugepage/enabled is "always" or "madvise").
extern "C" {
// NOLINTNEXTLINE: the name and type are jemalloc's interface.
const char* malloc_conf = "thp:always,metadata_thp:auto";
}
