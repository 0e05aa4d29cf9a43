"""Whether work can go to a second process: the PDF reader, the early reader
of bodies, the source checks beside the writing and the final gate's readers
all fork one, and all do the work in the build process instead when this
says no."""

from __future__ import annotations

import multiprocessing
import os
import pickle


def second_core() -> bool:
    """Two cores or more, and processes that can be forked (not on Windows
    or where the start method is not available)."""
    return (os.cpu_count() or 1) >= 2 and "fork" in multiprocessing.get_all_start_methods()


class Forked:
    """A forked process running one function, whose answer is fetched once."""

    def __init__(self, process, receive) -> None:
        self.process = process
        self.receive = receive

    def result(self):
        """What the function returned, or None if the process failed."""
        try:
            answer = self.receive.recv()
        except (EOFError, OSError):
            answer = None
        self.process.join()
        self.receive.close()
        if self.process.exitcode != 0 or answer is None:
            return None
        try:
            return pickle.loads(answer)
        except Exception:  # noqa: BLE001 - anything unreadable: the caller does the work itself
            return None

    def stop(self) -> None:
        """Stop it without its answer (a build that stopped half-way)."""
        self.receive.close()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join()


def fork_call(run) -> Forked | None:
    """Fork a process that calls run() (with this process's memory: nothing
    is copied) and sends back what it returns; None where no process can be
    forked, and the caller does the work itself."""
    if not second_core():
        return None
    context = multiprocessing.get_context("fork")
    try:
        receive, send = context.Pipe(duplex=False)
        process = context.Process(target=_child, args=(run, send), daemon=True)
        process.start()
    except (OSError, RuntimeError):
        return None
    send.close()
    return Forked(process, receive)


def _child(run, send) -> None:
    try:
        answer = pickle.dumps(run())
    except BaseException:  # noqa: BLE001 - the caller does the work itself
        answer = None
    try:
        send.send(answer)
    finally:
        send.close()
