from django.apps import AppConfig


class TextConfig(AppConfig):
    name = "phoihop.text"
    label = "text"
    verbose_name = "Tìm kiếm và xử lý văn bản tiếng Việt"
