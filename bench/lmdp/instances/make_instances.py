#!/usr/bin/env python3
"""Writes the five benchmark LMDPs of bench/lmdp in the issue-4 JSON format (0-based, every return <= 1).

Run from anywhere: python3 bench/lmdp/instances/make_instances.py  (deterministic; the JSON files are checked in).
Horizons are chosen so that BURLAP's full-width belief planner finishes in seconds.
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, states, actions, horizon, contexts):
    for c in contexts:
        assert len(c["initial"]) == states and len(c["transitions"]) == states and len(c["rewards"]) == states
    with open(os.path.join(HERE, name + ".json"), "w") as f:
        json.dump({"states": states, "actions": actions, "horizon": horizon, "contexts": contexts}, f, indent=1)
        f.write("\n")


def unit(s, i):
    row = [0.0] * s
    row[i] = 1.0
    return row


def tiger():
    """Tiger with listening. States 0 start, 1 heard-left, 2 heard-right, 3 done (absorbing).
    Actions 0 listen (0.85 accurate, reward 0), 1 open left, 2 open right (reward 1 at the door without the tiger).
    Context 0: tiger left; context 1: tiger right."""
    s, a, acc = 4, 3, 0.85
    contexts = []
    for m in range(2):
        hear = [acc, 1 - acc] if m == 0 else [1 - acc, acc]
        trans, rew = [], []
        for st in range(s):
            if st == 3:
                trans.append([unit(s, 3) for _ in range(a)])
                rew.append([0.0] * a)
                continue
            trans.append([[0.0, hear[0], hear[1], 0.0], unit(s, 3), unit(s, 3)])
            rew.append([0.0, 1.0 if m == 1 else 0.0, 1.0 if m == 0 else 0.0])
        contexts.append({"weight": 0.5, "initial": unit(s, 0), "transitions": trans, "rewards": rew})
    write("tiger", s, a, 30, contexts)


def lock():
    """Horizon-stress combination lock of length 10 per context: chain states 0..9, goal 10, sink 11 (both absorbing,
    reward 0); three actions; four contexts with different combinations (weights .4/.3/.2/.1). The context's correct
    action advances with probability 0.8 (stays otherwise; from state 9 it always reaches the goal with reward 1); a
    wrong action drops into the sink. Horizon 24."""
    length, s, a = 10, 12, 3
    goal, sink = length, length + 1
    combos = [[0] * length, [0, 1, 2, 0, 1, 2, 0, 1, 2, 0], [0, 1, 1, 0, 2, 2, 1, 0, 0, 1], [1, 2, 0, 0, 1, 1, 2, 2, 0, 0]]
    weights = [0.4, 0.3, 0.2, 0.1]
    contexts = []
    for m, combo in enumerate(combos):
        trans, rew = [], []
        for st in range(s):
            if st >= length:
                trans.append([unit(s, st) for _ in range(a)])
                rew.append([0.0] * a)
                continue
            rows, rs = [], []
            for act in range(a):
                if act != combo[st]:
                    rows.append(unit(s, sink))
                    rs.append(0.0)
                elif st == length - 1:
                    rows.append(unit(s, goal))
                    rs.append(1.0)
                else:
                    row = [0.0] * s
                    row[st] = 0.2
                    row[st + 1] = 0.8
                    rows.append(row)
                    rs.append(0.0)
            trans.append(rows)
            rew.append(rs)
        contexts.append({"weight": weights[m], "initial": unit(s, 0), "transitions": trans, "rewards": rew})
    write("lock", s, a, 24, contexts)


def bandit():
    """Context bandit with two states and three arms, horizon 12: in state 0 arm m pays 1/12 (6 decimals, rounded down)
    in context m, in state 1
    arm (m + 1) mod 3 does; the next state is 1 with probability 0.3 + 0.2 m whatever the arm."""
    s, a, h, mm = 2, 3, 12, 3
    pay = int(1e6 / h) / 1e6
    contexts = []
    for m in range(mm):
        p1 = 0.3 + 0.2 * m
        trans = [[[1 - p1, p1] for _ in range(a)] for _ in range(s)]
        rew = [[pay if act == m else 0.0 for act in range(a)],
               [pay if act == (m + 1) % a else 0.0 for act in range(a)]]
        contexts.append({"weight": 1.0 / mm, "initial": [0.5, 0.5], "transitions": trans, "rewards": rew})
    write("bandit", s, a, h, contexts)


def hard():
    """Lower-bound-style instance: four contexts that differ only in which action is slightly more likely to reach
    the good state (0.6 against 0.5); every step in the good state pays 1/H (6 decimals, rounded down) whatever the context, so rewards carry
    no context information and the agent must infer the context from noisy transitions."""
    s, a, h, mm = 2, 4, 7, 4
    pay = int(1e6 / h) / 1e6
    contexts = []
    for m in range(mm):
        trans = [[[0.4, 0.6] if act == m else [0.5, 0.5] for act in range(a)] for _ in range(s)]
        rew = [[0.0] * a, [pay] * a]
        contexts.append({"weight": 1.0 / mm, "initial": [1.0, 0.0], "transitions": trans, "rewards": rew})
    write("hard", s, a, h, contexts)


def random_instance():
    """Random LMDP, M = 3, S = 3, A = 2, H = 9, seed 20261128: transition rows with 4 decimals, rewards drawn from
    {0, 1/2H, 1/H} (6 decimals, rounded down) so that rewards often coincide across contexts."""
    rng = random.Random(20261128)
    s, a, h, mm = 3, 2, 9, 3

    def row(n):
        while True:
            raw = [rng.random() for _ in range(n)]
            tot = sum(raw)
            r = [round(x / tot, 4) for x in raw[:-1]]
            last = round(1 - sum(r), 4)
            if last > 0:
                return r + [last]

    weights = row(mm)
    contexts = []
    for m in range(mm):
        trans = [[row(s) for _ in range(a)] for _ in range(s)]
        levels = [0.0, int(0.5e6 / h) / 1e6, int(1e6 / h) / 1e6]
        rew = [[rng.choice(levels) for _ in range(a)] for _ in range(s)]
        contexts.append({"weight": weights[m], "initial": row(s), "transitions": trans, "rewards": rew})
    write("random", s, a, h, contexts)


if __name__ == "__main__":
    tiger()
    lock()
    bandit()
    hard()
    random_instance()
