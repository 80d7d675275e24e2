// Small dense k×k linear algebra for als and anls (Cholesky, NNLS).
