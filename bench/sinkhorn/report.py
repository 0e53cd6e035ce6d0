"""Prints the bench/sinkhorn table from Quire's and POT's TSV rows and checks the acceptance criteria (exit 1 when one
fails). Times are CPU seconds of the whole process (best of the repeats): on a shared, loaded machine they are far more
stable than wall time, which is printed as a ratio too. SPDX-License-Identifier: EPL-2.0"""
import csv
import sys

quire = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
pot = list(csv.DictReader(open(sys.argv[2]), delimiter="\t"))
largest = max(int(s) for s in sys.argv[3].split(","))
ok = True
head = ("n", "eps", "SK its", "SNS its", "its SK/SNS", "SNS newton", "SK err", "POT err", "Quire SK cpu", "Quire SNS cpu",
        "POT SK cpu", "POT log cpu", "POT/Quire SK cpu", "POT/Quire SNS cpu", "POT/Quire SK wall", "cost |SK-SNS|")
print("\t".join(head))
for sk in (r for r in quire if r["method"] == "sinkhorn"):
    key = (sk["n"], sk["reg"])
    sns = next(r for r in quire if (r["n"], r["reg"]) == key and r["method"] == "sns")
    pk = next(r for r in pot if (r["n"], r["reg"]) == key and r["method"] == "pot-sinkhorn")
    pl = next((r for r in pot if (r["n"], r["reg"]) == key and r["method"] == "pot-sinkhorn_log"), None)
    its_ratio = int(sk["iterations"]) / int(sns["iterations"])
    t_sk, t_sns, t_pot = float(sk["cpu"]), float(sns["cpu"]), float(pk["cpu"])
    wall = float(pk["seconds"]) / float(sk["seconds"])
    print("\t".join([sk["n"], sk["reg"], sk["iterations"], sns["iterations"], f"{its_ratio:.1f}", sns["newton"],
                     sk["marginalError"], pk["marginalError"], f"{t_sk:.3f}", f"{t_sns:.3f}", f"{t_pot:.3f}",
                     f"{float(pl['cpu']):.3f}" if pl else "-", f"{t_pot / t_sk:.2f}", f"{t_pot / t_sns:.2f}", f"{wall:.2f}",
                     f"{abs(float(sk['transportCost']) - float(sns['transportCost'])):.1e}"]))
    if float(sk["reg"]) <= 0.01 and its_ratio < 5:
        print(f"FAIL: n={key[0]} eps={key[1]}: SNS needs {sns['iterations']} iterations, Sinkhorn {sk['iterations']}")
        ok = False
    if int(sk["n"]) == largest and t_pot / t_sk < 1:
        print(f"FAIL: n={key[0]} eps={key[1]}: Quire's Sinkhorn {t_sk:.3f} CPU s is slower than POT's {t_pot:.3f} CPU s")
        ok = False
print("acceptance: " + ("passed" if ok else "FAILED"))
sys.exit(0 if ok else 1)
