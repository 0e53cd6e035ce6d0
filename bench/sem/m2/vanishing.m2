-- Gaussian vanishing ideal of a mixed-graph SEM by Lambda-elimination (spec sem.md §1.7/§3), Macaulay2 1.21.
-- Loaded by a per-graph script that first defines:
--   n (vertices), D (directed edges {i,j}), B (bidirected edges {i,j}), maxDeg (Quire's degree bound),
--   quireGens (Quire's generators as strings in s_(i,j)).
-- Prints M2CPU <cpu seconds of saturate + elimination + mingens>, M2DEGREES {degrees of the minimal generators},
-- M2CHECK true|false: every Quire generator lies in M2's ideal J and every minimal generator of J of degree <= maxDeg
-- lies in the ideal of Quire's generators (so both ideals agree up to degree maxDeg).
R = QQ[apply(D, e -> l_(e#0,e#1)) | flatten for i from 1 to n list for j from i to n list s_(i,j),
    MonomialOrder => Eliminate(#D)];
L = matrix table(n, n, (i,j) -> if member({i+1,j+1}, D) then l_(i+1,j+1) else 0_R);
S = matrix table(n, n, (i,j) -> if i <= j then s_(i+1,j+1) else s_(j+1,i+1));
M = id_(R^n) - L;
P = transpose(M) * S * M;
nb = select(flatten for i from 1 to n list for j from i+1 to n list {i,j},
    p -> not member(p, B) and not member({p#1, p#0}, B));
E = ideal apply(nb, p -> P_(p#0-1, p#1-1));
t0 = cpuTime();
I = saturate(E, det M);
J = ideal selectInSubring(1, gens gb I);
G = flatten entries mingens J;
t1 = cpuTime();
print("M2CPU " | toString(t1 - t0));
print("M2DEGREES " | toString sort apply(G, f -> first degree f));
Q = apply(quireGens, s -> value s);
QI = if #Q == 0 then ideal(0_R) else ideal Q;
inJ = all(Q, f -> f % J == 0);
low = select(G, f -> first degree f <= maxDeg);
inQ = all(low, f -> f % QI == 0);
print("M2CHECK " | toString(inJ and inQ));
