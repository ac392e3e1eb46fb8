namespace LargeImage.MinimalApi.Tests;
