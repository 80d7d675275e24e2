# R's NMF package on the matrix of bench/rank.ts: the rank survey nmf(V, lo:hi, nrun, 'brunet').
# Usage: Rscript bench/rank_nmf.R V.csv LOWEST HIGHEST NRUN SEED PARALLEL(0|1)
# Prints one JSON line: NMF's version, elapsed and CPU seconds of the nmf() call, the iterations
# of every run summed per rank (from a .callback on each run) and the cophenetic correlations.
args <- commandArgs(trailingOnly = TRUE)
suppressMessages(library(NMF))
V <- as.matrix(read.csv(args[1], header = FALSE))
ranks <- as.integer(args[2]):as.integer(args[3])
nrun <- as.integer(args[4])
seed <- as.integer(args[5])
opt <- if (args[6] == "1") "p" else "-p"
t <- system.time(res <- nmf(V, ranks, nrun = nrun, method = "brunet", seed = seed, .opt = opt, .callback = function(fit) niter(fit)))
iters <- sapply(res$fit, function(f) sum(unlist(f@misc$.callback)))
num <- function(x) paste0("[", paste(format(x, digits = 6), collapse = ","), "]")
cat(sprintf(
  '{"nmf":"%s","r":"%s","elapsed":%.3f,"cpu":%.3f,"ranks":%s,"iterations":%s,"cophenetic":%s,"parallel":%s}\n',
  as.character(packageVersion("NMF")), paste(R.version$major, R.version$minor, sep = "."),
  t[["elapsed"]], t[["user.self"]] + t[["sys.self"]] + t[["user.child"]] + t[["sys.child"]],
  num(ranks), num(iters), num(res$measures$cophenetic), if (opt == "p") "true" else "false"
))
