"""Editorial workflow and admin security.

- `roles`: the groups, page/collection/model permissions and workflows that
  `manage.py setup_editorial` applies (partners draft, council communications
  reviews, the CSE lead signs off; nobody publishes alone).
- `security`: the middleware that asks every admin user for a second factor
  and ends idle admin sessions.
- `two_factor`: the admin's two-step verification pages (django-otp TOTP plus
  single-use recovery codes).
- `translations`: translations go through the same review as everything else.
- `demo`: one demo account per role.
"""
