from django.apps import AppConfig


class VolumeConfig(AppConfig):
    name = "phoihop.volume"
    label = "volume"
    verbose_name = "Dữ liệu khối lượng lớn (đo hiệu năng)"
