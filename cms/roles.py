"""How an app adds its own groups and rights to the editorial roles.

`manage.py setup_editorial` (press.roles) creates the editorial groups, then calls
`extend_roles`: every installed app with a `roles` module that defines
`extend_roles(editorial)` gets the editorial groups, keyed by the role's constant name in
press.roles ("DIRECTORS_OFFICE", "HEAD_OF_PR", …, stable when a group is renamed), and adds
its own groups and permissions. Each app's hook must be safe to run again. The apps depend
on this module, never on press.
"""

from importlib import import_module

from django.apps import apps
from django.contrib.auth.models import Group, Permission

ADMIN_ACCESS = "wagtailadmin.access_admin"

# Groups more than one app names. In Georgian: editors read them in the admin.
ANALYSTS = "ანალიტიკოსები"  # "Analysts": press.roles, demo.steps.analytics
STAFF = "თანამშრომლები"  # "Staff": press.roles, staff.access
WEB_EDITORS = "ვებრედაქტორები"  # "Web editors": press.roles, demo.steps.analytics


def permission(dotted):
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def grant(group, permissions):
    """Add the model permissions ("app_label.codename") to the group."""
    group.permissions.add(*[permission(dotted) for dotted in permissions])


def ensure_group(name, permissions=(), admin=True):
    """The group called `name` with at least these permissions (and admin access)."""
    group, _created = Group.objects.get_or_create(name=name)
    grant(group, ((ADMIN_ACCESS,) if admin else ()) + tuple(permissions))
    return group


def rename_group(old_name, new_name):
    """The group `old_name` of a database made before the names were Georgian, now called
    `new_name`; where both exist, the old one's members join the new one and it goes (its
    rights are granted again by whoever owns the group). Safe to run again."""
    old = Group.objects.filter(name=old_name).first()
    if old is None or old_name == new_name:
        return
    new = Group.objects.filter(name=new_name).first()
    if new is None:
        old.name = new_name
        old.save(update_fields=["name"])
        return
    new.user_set.add(*old.user_set.all())
    old.delete()


def role_extensions():
    """`extend_roles` of each installed app's `roles` module, in INSTALLED_APPS order."""
    hooks = []
    for app_config in apps.get_app_configs():
        try:
            module = import_module(f"{app_config.name}.roles")
        except ModuleNotFoundError as error:
            if error.name != f"{app_config.name}.roles":
                raise
            continue
        hook = getattr(module, "extend_roles", None)
        if hook is not None and hook is not extend_roles:  # not this collector itself
            hooks.append(hook)
    return hooks


def extend_roles(editorial):
    """Run every app's extension; returns {group name: group} of the groups they made."""
    created = {}
    for hook in role_extensions():
        created.update(hook(editorial) or {})
    return created
