def hello():
    return 'hello from the pylib layer'
