"""explorer.fileio: the guarded open and the atomic write, on the kinds of file a hostile path can name."""

from __future__ import annotations

import os
import socket
import stat
import threading
from pathlib import Path

import pytest

from explorer import fileio
from explorer.errors import ExplorerError
from explorer.fileio import FileIOError, FileTooLarge, NotRegularFile, OutsideFolder


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def test_read_bytes_of_a_regular_file_within_the_limit(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_bytes(b"x" * 10)
    assert fileio.read_bytes(target, 10) == b"x" * 10
    assert fileio.read_text(target, 10) == "x" * 10
    with fileio.open_regular(target, 10) as fh:
        assert fh.read() == b"x" * 10


def test_a_file_above_the_limit_is_refused_naming_file_and_limit(tmp_path: Path) -> None:
    target = tmp_path / "big.txt"
    target.write_bytes(b"x" * 11)
    with pytest.raises(FileTooLarge) as info:
        fileio.read_bytes(target, 10)
    assert str(info.value) == f"{target}: 11 bytes; files above 10 bytes are not read"
    assert (info.value.size, info.value.limit, info.value.path) == (11, 10, str(target))
    assert isinstance(info.value, ExplorerError)


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = _fifo(tmp_path / "pipe")
    done: list[BaseException] = []

    def read() -> None:
        try:
            fileio.read_bytes(fifo, 100)
        except FileIOError as exc:
            done.append(exc)

    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    worker.join(5)
    if worker.is_alive():  # unblock the open so the test process can end, then fail
        with open(fifo, "wb"):
            pass
        pytest.fail("reading a FIFO blocked")
    assert [str(e) for e in done] == [f"{fifo}: is a FIFO, not a regular file; not read"]
    assert isinstance(done[0], NotRegularFile) and done[0].kind == "a FIFO"


@pytest.mark.parametrize(
    ("name", "kind"), [("dev/null", "a character device"), ("folder", "a directory"), ("sock", "a socket")]
)
def test_devices_folders_and_sockets_are_not_read(tmp_path: Path, name: str, kind: str) -> None:
    (tmp_path / "folder").mkdir()
    if name == "sock":
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(tmp_path / "sock"))
        server.close()
    target = Path("/") / name if name.startswith("dev/") else tmp_path / name
    if name == "sock":
        with pytest.raises(FileIOError) as info:  # a socket cannot even be opened as a file
            fileio.read_bytes(target, 100)
        assert str(info.value) == f"{target}: cannot read: No such device or address"
        return
    with pytest.raises(NotRegularFile) as info:
        fileio.read_bytes(target, 100)
    assert str(info.value) == f"{target}: is {kind}, not a regular file; not read"


def test_a_missing_file_names_the_system_reason(tmp_path: Path) -> None:
    with pytest.raises(FileIOError) as info:
        fileio.read_bytes(tmp_path / "nope", 100)
    assert str(info.value) == f"{tmp_path / 'nope'}: cannot read: No such file or directory"
    assert info.value.errno == 2


def test_within_confines_the_read_to_a_folder(tmp_path: Path) -> None:
    inside = tmp_path / "config"
    inside.mkdir()
    (inside / "ok.json").write_text("{}")
    (tmp_path / "secret.txt").write_text("secret")
    (inside / "link.json").symlink_to(tmp_path / "secret.txt")
    assert fileio.read_text("ok.json", 100, within=inside) == "{}"
    for name in ("../secret.txt", "link.json", str(tmp_path / "secret.txt")):
        with pytest.raises(OutsideFolder) as info:
            fileio.read_bytes(name, 100, within=inside)
        assert str(info.value) == f"{name}: leads outside {inside} (to {tmp_path / 'secret.txt'}); not read"


def test_nofollow_refuses_a_symbolic_link(tmp_path: Path) -> None:
    (tmp_path / "real").write_text("x")
    (tmp_path / "link").symlink_to(tmp_path / "real")
    assert fileio.read_bytes(tmp_path / "link", 10) == b"x"
    with pytest.raises(NotRegularFile) as info:
        fileio.read_bytes(tmp_path / "link", 10, nofollow=True)
    assert str(info.value) == f"{tmp_path / 'link'}: is a symbolic link; not read"


def test_read_text_names_the_undecodable_byte(tmp_path: Path) -> None:
    target = tmp_path / "latin1.txt"
    target.write_bytes(b"ok\n\xe9t\xe9")
    with pytest.raises(FileIOError) as info:
        fileio.read_text(target, 100)
    assert str(info.value) == f"{target}: not valid UTF-8 (byte 0xE9 at line 2, offset 3)"


def test_atomic_write_creates_and_replaces_keeping_permissions(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.txt"
    fileio.write_text_atomic(target, "one")
    assert target.read_text() == "one"
    assert stat.S_IMODE(target.stat().st_mode) == fileio.file_mode()
    target.chmod(0o600)
    fileio.write_bytes_atomic(target, b"two")
    assert (target.read_bytes(), stat.S_IMODE(target.stat().st_mode)) == (b"two", 0o600)
    assert sorted(p.name for p in target.parent.iterdir()) == ["out.txt"]  # no temporary file left


def test_atomic_write_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    (tmp_path / "real").write_text("keep")
    (tmp_path / "link").symlink_to(tmp_path / "real")
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    (tmp_path / "folder").mkdir()
    _fifo(tmp_path / "pipe")
    expected = "expected a regular file or a path that does not exist yet; nothing was written"
    cases = {
        "link": "a symbolic link",
        "dangling": "a symbolic link",
        "folder": "a directory",
        "pipe": "a FIFO",
    }
    for name, kind in cases.items():
        with pytest.raises(NotRegularFile) as info:
            fileio.write_bytes_atomic(tmp_path / name, b"new")
        assert str(info.value) == f"{tmp_path / name}: is {kind}; {expected}"
    assert (tmp_path / "real").read_text() == "keep"
    assert (tmp_path / "link").is_symlink() and (tmp_path / "dangling").is_symlink()
    assert not (tmp_path / "nowhere").exists()
    assert stat.S_ISFIFO((tmp_path / "pipe").lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dangling", "folder", "link", "pipe", "real"]


def test_atomic_write_never_replaces_a_device(tmp_path: Path) -> None:
    with pytest.raises(NotRegularFile) as info:
        fileio.write_bytes_atomic(Path("/dev/null"), b"x")
    expected = "expected a regular file or a path that does not exist yet; nothing was written"
    assert str(info.value) == f"/dev/null: is a character device; {expected}"
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


def test_a_write_error_names_the_file_and_changes_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(FileIOError) as info:
        fileio.write_bytes_atomic(blocker / "inside.txt", b"x")
    assert str(info.value) == f"{blocker / 'inside.txt'}: cannot write: Not a directory; nothing was changed"
    assert blocker.read_text() == "x"


def test_process_umask_matches_os_umask() -> None:
    current = os.umask(0o027)
    try:
        assert fileio.process_umask() == 0o027
        assert (fileio.file_mode(), fileio.dir_mode()) == (0o640, 0o750)
    finally:
        os.umask(current)
