from django.urls import path

from media_archive import views

app_name = "media_archive"

urlpatterns = [
    path("image/<int:pk>/<slug:size>/", views.download_image, name="download_image"),
]
