"""Georgia's regions: where an office is, and where a service is offered (the support
finder). Here, below both apps, because the offices link to services and the services'
eligibility rules name regions."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    """Georgia's regions; Tbilisi and the Autonomous Republic of Adjara have offices of
    their own status but list like the others."""

    TBILISI = "tbilisi", _("Tbilisi")
    ADJARA = "adjara", _("Autonomous Republic of Adjara")
    GURIA = "guria", _("Guria")
    IMERETI = "imereti", _("Imereti")
    KAKHETI = "kakheti", _("Kakheti")
    KVEMO_KARTLI = "kvemo_kartli", _("Kvemo Kartli")
    MTSKHETA_MTIANETI = "mtskheta_mtianeti", _("Mtskheta-Mtianeti")
    RACHA_LECHKHUMI = "racha_lechkhumi", _("Racha-Lechkhumi and Kvemo Svaneti")
    SAMEGRELO = "samegrelo", _("Samegrelo-Zemo Svaneti")
    SAMTSKHE_JAVAKHETI = "samtskhe_javakheti", _("Samtskhe-Javakheti")
    SHIDA_KARTLI = "shida_kartli", _("Shida Kartli")
