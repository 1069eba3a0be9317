"""``board serve --users`` and ``board serve-user``: sign-in for the board in a browser.
Keys start with ``serve.``."""

TEXTS = {
    "serve.users.missing": ("ไม่พบไฟล์รายชื่อผู้ใช้ {path} (สร้างด้วย board serve-user {path} ชื่อเข้าระบบ)",
                            "no users file {path} (make one with: board serve-user {path} LOGIN)"),
    "serve.users.bad_line": ("ไฟล์รายชื่อผู้ใช้ {path} บรรทัดที่ {line} อ่านไม่ได้ (แก้ด้วย board serve-user)",
                             "users file {path}, line {line}: not a sign-in line (write it with board serve-user)"),
    "serve.users.empty": ("ไฟล์รายชื่อผู้ใช้ {path} ยังไม่มีผู้ใช้ (เพิ่มด้วย board serve-user {path} ชื่อเข้าระบบ)",
                          "users file {path} lists nobody (add people with: board serve-user {path} LOGIN)"),
    "serve.users.bad_login": ("ชื่อเข้าระบบ \"{login}\" ใช้ไม่ได้: ห้ามมีช่องว่างหรือ : (ชื่อเจ้าหน้าที่ใส่ใน --name)",
                              "login \"{login}\" is not allowed: no spaces or colons (the officer's name goes in --name)"),
    "serve.users.bad_name": ("ชื่อเจ้าหน้าที่ใช้ไม่ได้: {name}", "not an officer name: {name}"),
    "serve.users.empty_password": ("รหัสผ่านว่างไม่ได้", "the password is empty"),
    "serve.users.mismatch": ("รหัสผ่านสองครั้งไม่ตรงกัน", "the two passwords differ"),
    "serve.users.unknown": ("ไม่มี {login} ใน {path}", "{login} is not in {path}"),
    "serve.users.added": ("เพิ่ม {login} ({name}) ใน {path} แล้ว", "added {login} ({name}) to {path}"),
    "serve.users.updated": ("เปลี่ยนรหัสผ่านของ {login} ({name}) ใน {path} แล้ว",
                            "new password for {login} ({name}) in {path}"),
    "serve.users.removed": ("ลบ {login} ออกจาก {path} แล้ว", "removed {login} from {path}"),
    "serve.users.prompt": ("รหัสผ่านของ {login}: ", "password for {login}: "),
    "serve.users.again": ("พิมพ์รหัสผ่านอีกครั้ง: ", "the password again: "),
    "serve.wide_login": (
        "คำเตือน: เปิดให้เข้าที่ {host}:{port} — รหัสผ่านส่งผ่านเครือข่ายโดยไม่เข้ารหัส (HTTP) "
        "ควรให้เข้าผ่าน HTTPS (reverse proxy) หรือใช้ในเครือข่ายที่ไว้ใจได้เท่านั้น",
        "warning: serving on {host}:{port}: passwords cross the network unencrypted (plain HTTP); "
        "put it behind an HTTPS proxy or use it on a network you trust",
    ),
    # the console of board serve --users, and what a refused browser request is told
    "serve.console.serving": ("เปิดให้ใช้ {title} ที่ {url} สำหรับผู้มีชื่อใน {path}; แต่ละแท็บที่ลงชื่อเข้าใช้แล้วจะรัน {command}",
                              "Serving {title} on {url} to the people of {path}; each signed-in tab runs {command}"),
    "serve.console.officer": ("<ชื่อเจ้าหน้าที่>", "<officer name>"),
    "serve.refused.host": ("กระดานนี้เปิดให้ใช้เฉพาะบนเครื่องนี้", "this board is served to this machine only"),
    "serve.refused.origin": ("เปิดจากหน้าของกระดานเท่านั้น", "open the board's own page"),
    "serve.refused.sign_in": ("ลงชื่อเข้าใช้ก่อนจึงจะเห็นกระดาน", "sign in to see the board"),
    "serve.refused.ticket": ("เปิดหน้าของกระดานใหม่อีกครั้ง", "open the board's page again"),
}
