global using Portal.Tests.Infrastructure;
