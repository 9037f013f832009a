using Digibank.Api.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddDigibankStore();

var app = builder.Build();

await app.PrepareStoreAsync();

app.Run();

public partial class Program;
